package io.github.jdaboot.interaction;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.annotation.Selected;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.container.ContainerChildComponent;
import net.dv8tion.jda.api.components.filedisplay.FileDisplay;
import net.dv8tion.jda.api.components.mediagallery.MediaGallery;
import net.dv8tion.jda.api.components.mediagallery.MediaGalleryItem;
import net.dv8tion.jda.api.components.section.Section;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.thumbnail.Thumbnail;

/**
 * Layouts that exercise the framework in end-to-end tests; imported by those tests only.
 */
public class LayoutTestCommands {

    /** A 1x1 PNG, for thumbnails and galleries. */
    static final byte[] PNG = Base64.getDecoder()
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/Q0dyNwAAAABJRU5ErkJggg==");

    @Command(name = "card", description = "Shows every kind of layout component")
    Reply card() {
        return Reply
            .layout(Container.of(
                    Section.of(Button.primary("card:count:0", "Count"), TextDisplay.of("## A card"),
                            TextDisplay.of("count 0")),
                    Section.of(Thumbnail.fromUrl("attachment://avatar.png").withDescription("an avatar"),
                            TextDisplay.of("with a thumbnail")),
                    Separator.createDivider(Separator.Spacing.LARGE),
                    MediaGallery.of(MediaGalleryItem.fromUrl("attachment://chart.png").withDescription("a chart"),
                            MediaGalleryItem.fromUrl("attachment://avatar.png").withSpoiler(true)),
                    FileDisplay.fromFileName("notes.txt"), Separator.createInvisible(Separator.Spacing.SMALL),
                    ActionRow.of(StringSelectMenu.create("card:flavor")
                        .addOption("Mint", "mint")
                        .addOption("Vanilla", "vanilla")
                        .build()))
                .withAccentColor(0x5865F2), TextDisplay.of("-# below the card"))
            .withFile("avatar.png", PNG)
            .withFile("chart.png", PNG)
            .withFile("notes.txt", "some notes");
    }

    /** The card's button: the card laid out anew, still a layout. */
    @ComponentHandler("card:count:{count}")
    Reply count(@IdPart int count) {
        return Reply.update(Container.of(Section.of(Button.primary("card:count:" + (count + 1), "Count"),
                TextDisplay.of("count " + (count + 1)))));
    }

    @ComponentHandler("card:flavor")
    Reply flavor(@Selected List<String> flavors) {
        return Reply.of("flavor " + flavors.getFirst()).ephemeral();
    }

    @Command(name = "confirm", description = "Asks with a callback in a layout")
    Reply confirm() {
        return Reply.layout(Section.of(Button.danger("~yes", "Yes"), TextDisplay.of("Sure?")))
            .withCallback("~yes", (click) -> Reply.update(TextDisplay.of("confirmed by " + click.user().getName())));
    }

    @Command(name = "private-card", description = "A layout only the user sees", ephemeral = true)
    Reply privateCard() {
        return Reply.layout(TextDisplay.of("only for you"));
    }

    @Command(name = "slow-card", description = "A layout after a while")
    Reply slowCard() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(2500);
        return Reply.layout(Container.of(TextDisplay.of("slow card")));
    }

    /** A message of text whose button turns it into a layout. */
    @Command(name = "upgrade", description = "Text with a button that makes it a card")
    Reply upgrade() {
        return Reply.of("plain text").withButtons(Button.primary("card:upgrade", "Make it a card"));
    }

    @ComponentHandler("card:upgrade")
    Reply upgraded() {
        return Reply.update(Container.of(TextDisplay.of("now a card")).withAccentColor(0x57F287));
    }

    /** A card whose button answers with text, which a layout cannot take. */
    @Command(name = "stubborn", description = "A card whose button updates it with text")
    Reply stubborn() {
        return Reply.layout(Section.of(Button.secondary("card:text", "Text"), TextDisplay.of("a card")));
    }

    @ComponentHandler("card:text")
    Reply text() {
        return Reply.update("plain text");
    }

    @Command(name = "too-big", description = "A layout of 41 components")
    Reply tooBig() {
        List<ContainerChildComponent> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(TextDisplay.of("text " + i));
        }
        return Reply.layout(Container.of(texts));
    }

    @Command(name = "too-long", description = "A layout of 4,001 characters")
    Reply tooLong() {
        return Reply.layout(TextDisplay.of("x".repeat(4001)));
    }

    /** Says which limit a layout broke, as a handler of the application may. */
    @InteractionExceptionHandler
    Reply limit(MessageLimitException limit) {
        return Reply.of(limit.getMessage()).ephemeral();
    }

}
