package io.github.jdaboot.interaction.form;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jdaboot.interaction.Modal;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.attachmentupload.AttachmentUpload;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.checkboxgroup.CheckboxGroup;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.SelectTarget;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the framework remembers of a form it opens: each field's kind, limits and options,
 * as JDA sends them (and Discord's defaults where JDA sends none); and how long.
 */
@DisplayName("Forms as opened")
class OfferedFormTests {

    enum Size {

        SMALL, LARGE

    }

    @Test
    @DisplayName("each kind of field with its label, required flag, limits and options; text displays are no fields")
    void fields() {
        Modal modal = Modal.of("form:all", "All")
            .withText(Modal.text("name", "Name", Modal.Style.SHORT).length(2, 20))
            .withTextDisplay("Between the fields")
            .with(Label.of("Size", Modal.radioGroup("size", Size.class, Size::name).setRequired(false).build()),
                    Label.of("Agree", Checkbox.of("agree")), Label.of("Days",
                            CheckboxGroup.create("days").addOption("Mon", "mon").addOption("Fri", "fri").build()));

        OfferedForm form = OfferedForm.of(modal.toJda());

        assertThat(form.customId()).isEqualTo("form:all");
        assertThat(form.fields().keySet()).containsExactly("name", "size", "agree", "days");
        assertThat(form.field("name"))
            .isEqualTo(new OfferedField("name", "Name", Component.Type.TEXT_INPUT, true, 2, 20, List.of(), Set.of()));
        assertThat(form.field("size")).isEqualTo(new OfferedField("size", "Size", Component.Type.RADIO_GROUP, false, 1,
                1, List.of("SMALL", "LARGE"), Set.of()));
        assertThat(form.field("agree"))
            .isEqualTo(new OfferedField("agree", "Agree", Component.Type.CHECKBOX, false, 1, 1, List.of(), Set.of()));
        assertThat(form.field("days")).as("Discord's defaults: at least one, at most all")
            .isEqualTo(new OfferedField("days", "Days", Component.Type.CHECKBOX_GROUP, true, 1, 2,
                    List.of("mon", "fri"), Set.of()));
    }

    @Test
    @DisplayName("selects and uploads: their counts, a string select's options, a channel select's channel types")
    void selectsAndUploads() {
        Modal modal = Modal.of("form:more", "More")
            .with(Label.of("Tags",
                    StringSelectMenu.create("tags")
                        .addOption("A", "a")
                        .addOption("B", "b")
                        .setRequiredRange(1, 2)
                        .setRequired(false)
                        .build()),
                    Label.of("Channels",
                            EntitySelectMenu.create("channels", SelectTarget.CHANNEL)
                                .setChannelTypes(ChannelType.TEXT)
                                .setMaxValues(3)
                                .build()),
                    Label.of("Anyone", EntitySelectMenu.create("anyone", SelectTarget.USER, SelectTarget.ROLE).build()),
                    Label.of("Files",
                            AttachmentUpload.create("files").setRequiredRange(0, 4).setRequired(false).build()));

        OfferedForm form = OfferedForm.of(modal.toJda());

        assertThat(form.field("tags")).isEqualTo(new OfferedField("tags", "Tags", Component.Type.STRING_SELECT, false,
                1, 2, List.of("a", "b"), Set.of()));
        assertThat(form.field("channels")).isEqualTo(new OfferedField("channels", "Channels",
                Component.Type.CHANNEL_SELECT, true, 1, 3, List.of(), Set.of(ChannelType.TEXT)));
        assertThat(form.field("anyone").type()).isEqualTo(Component.Type.MENTIONABLE_SELECT);
        assertThat(form.field("files")).isEqualTo(
                new OfferedField("files", "Files", Component.Type.FILE_UPLOAD, false, 0, 4, List.of(), Set.of()));
        assertThat(form.field("files").isMultiple()).isTrue();
        assertThat(form.field("anyone").isMultiple()).isFalse();
    }

    @Test
    @DisplayName("kept per user and custom id until submitted, replaced when opened again, dropped when expired")
    void kept() {
        AtomicLong now = new AtomicLong();
        OfferedForms forms = new OfferedForms(100, Duration.ofMinutes(10), (form) -> {
        }, now::get);
        OfferedForm first = new OfferedForm("form:x", Map.of());
        OfferedForm second = new OfferedForm("form:x", Map.of());

        forms.opened(1, first);
        assertThat(forms.find(1, "form:x")).isSameAs(first);
        assertThat(forms.find(2, "form:x")).as("another user's").isNull();
        forms.opened(1, second);
        assertThat(forms.find(1, "form:x")).isSameAs(second);
        forms.submitted(1, first);
        assertThat(forms.find(1, "form:x")).as("an older form's submission leaves the newer").isSameAs(second);
        forms.submitted(1, second);
        assertThat(forms.find(1, "form:x")).as("taken once").isNull();

        forms.opened(1, first);
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(forms.find(1, "form:x")).as("expired").isNull();
        assertThat(forms.size()).isZero();
    }

    @Test
    @DisplayName("a form is checked against its handler before it is remembered")
    void checkedWhenOpened() {
        OfferedForms forms = new OfferedForms(100, Duration.ofMinutes(10), (form) -> {
            throw new IllegalStateException("no handler takes " + form.customId());
        });

        assertThatIllegalStateException().isThrownBy(() -> forms.opened(1, new OfferedForm("form:x", Map.of())))
            .withMessage("no handler takes form:x");
        assertThat(forms.size()).isZero();
    }

}
