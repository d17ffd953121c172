package io.github.jdaboot.interaction;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import net.dv8tion.jda.api.components.attachmentupload.AttachmentUpload;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.checkboxgroup.CheckboxGroup;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.SelectTarget;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.jspecify.annotations.Nullable;

/**
 * Forms with every kind of modal component, each field bound to a parameter of every type
 * a field can fill; imported by the end-to-end tests of forms. Each handler answers with
 * what it got, for the tests to compare.
 */
public class FormTestCommands {

    enum Flavor {

        VANILLA, SALTED_CARAMEL, MINT

    }

    /**
     * Text inputs, a text display, a radio group of an enum, a checkbox and a checkbox
     * group.
     */
    @Command(name = "profile", description = "Opens a profile form")
    Modal profile() {
        return Modal.of("form:profile", "Your profile")
            .withText(Modal.text("name", "Name", Modal.Style.SHORT).length(2, 20))
            .withTextDisplay("Tell us a little about yourself.")
            .with(Label.of("Flavor", Modal.radioGroup("flavor", Flavor.class, FormTestCommands::title).build()),
                    Label.of("Newsletter", "Send me news", Checkbox.of("news")),
                    Label.of("Days",
                            CheckboxGroup.create("days")
                                .addOption("Monday", "mon")
                                .addOption("Wednesday", "wed")
                                .addOption("Friday", "fri")
                                .setRequiredRange(1, 2)
                                .build()));
    }

    @ModalHandler("form:profile")
    String profileSent(@Field("name") String name, @Field("flavor") Flavor flavor, @Field("news") boolean news,
            @Field("days") List<String> days) {
        return "name=" + name + " flavor=" + flavor + " news=" + news + " days=" + days;
    }

    /** Each kind of entity select, one value and several. */
    @Command(name = "team", description = "Opens a team form")
    Modal team() {
        return Modal.of("form:team", "Your team")
            .with(Label.of("Buddy", EntitySelectMenu.create("buddy", SelectTarget.USER).build()),
                    Label.of("Members", EntitySelectMenu.create("members", SelectTarget.USER).setMaxValues(3).build()),
                    Label.of("Role", EntitySelectMenu.create("role", SelectTarget.ROLE).setRequired(false).build()),
                    Label.of("Channel",
                            EntitySelectMenu.create("channel", SelectTarget.CHANNEL)
                                .setChannelTypes(ChannelType.TEXT)
                                .build()),
                    Label.of("Anyone",
                            EntitySelectMenu.create("anyone", SelectTarget.USER, SelectTarget.ROLE)
                                .setMaxValues(2)
                                .build()));
    }

    @ModalHandler("form:team")
    String teamSent(@Field("buddy") User buddy, @Field("members") List<Member> members,
            @Field(value = "role", required = false) @Nullable Role role, @Field("channel") GuildChannel channel,
            @Field("anyone") List<IMentionable> anyone) {
        return "buddy=" + buddy.getName() + " members="
                + members.stream().map(Member::getEffectiveName).sorted().toList() + " role="
                + ((role != null) ? role.getName() : "none") + " channel=" + channel.getName() + " anyone="
                + anyone.size();
    }

    /** File uploads, an enum select and a string select of several values. */
    @Command(name = "sketch", description = "Opens a sketch form")
    Modal sketch() {
        return Modal.of("form:sketch", "Your sketch")
            .with(Label.of("Sketches", AttachmentUpload.create("sketches").setRequiredRange(1, 3).build()),
                    Label.of("Cover", AttachmentUpload.create("cover").setRequired(false).build()),
                    Label.of("Flavor", Modal.select("flavor", Flavor.class, FormTestCommands::title).build()),
                    Label.of("Tags",
                            StringSelectMenu.create("tags")
                                .addOption("Fun", "fun")
                                .addOption("Tools", "tools")
                                .addOption("Games", "games")
                                .setRequiredRange(1, 2)
                                .setRequired(false)
                                .build()));
    }

    @ModalHandler("form:sketch")
    String sketchSent(@Field("sketches") List<Message.Attachment> sketches,
            @Field(value = "cover", required = false) Message.@Nullable Attachment cover,
            @Field("flavor") Flavor flavor, @Field(value = "tags", required = false) List<String> tags) {
        return "sketches="
                + sketches.stream()
                    .map((file) -> file.getFileName() + ":" + file.getSize())
                    .collect(Collectors.joining(","))
                + " cover=" + ((cover != null) ? cover.getFileName() : "none") + " flavor=" + flavor + " tags=" + tags;
    }

    /** A form whose checkbox its handler takes as text: it fails when it is opened. */
    @Command(name = "misfit", description = "Opens a form that does not fit its handler")
    Modal misfit() {
        return Modal.of("form:misfit", "Misfit").with(Label.of("Agree", Checkbox.of("agree")));
    }

    @ModalHandler("form:misfit")
    String misfitSent(@Field("agree") String agree) {
        return "agree=" + agree;
    }

    private static String title(Flavor flavor) {
        return flavor.name().charAt(0) + flavor.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

}
