package io.github.jdaboot.interaction.form;

import java.util.List;

import io.github.jdaboot.interaction.InteractionContext;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * {@code Message.Attachment} fields, one or a {@code List}: the files uploaded in a file
 * upload.
 */
public class AttachmentFieldResolver implements FieldResolver {

    @Override
    public boolean supports(ResolvableType type) {
        return type.toClass() == Message.Attachment.class
                || (type.toClass() == List.class && type.getGeneric(0).toClass() == Message.Attachment.class);
    }

    @Override
    public @Nullable String mismatch(OfferedField field, ResolvableType type) {
        if (field.type() != Component.Type.FILE_UPLOAD) {
            return "an attachment takes a file upload, not a " + Fields.describe(field.type());
        }
        return (type.toClass() != List.class && field.max() > 1)
                ? "it takes up to " + field.max() + " files: take a List<Message.Attachment>, or let it take one file"
                : null;
    }

    @Override
    public @Nullable Object empty(ResolvableType type) {
        return (type.toClass() == List.class) ? List.of() : null;
    }

    @Override
    public @Nullable Object resolve(ModalMapping value, OfferedField field, ResolvableType type,
            InteractionContext context) {
        List<Message.Attachment> files = value.getAsAttachmentList();
        if (type.toClass() == List.class) {
            return files;
        }
        return files.isEmpty() ? null : files.getFirst();
    }

}
