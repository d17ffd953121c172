package io.github.jdaboot.interaction.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.jdaboot.interaction.MessageLimitException;
import io.github.jdaboot.interaction.Poll;
import io.github.jdaboot.interaction.Reply;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.attribute.ICustomId;
import net.dv8tion.jda.api.components.filedisplay.FileDisplay;
import net.dv8tion.jda.api.components.mediagallery.MediaGallery;
import net.dv8tion.jda.api.components.mediagallery.MediaGalleryItem;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.thumbnail.Thumbnail;
import net.dv8tion.jda.api.components.utils.ComponentIterator;
import net.dv8tion.jda.api.components.utils.ComponentSerializer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Discord's limits on a message, checked when a handler's answer is built and before
 * anything is sent: a limit broken fails the run with a {@link MessageLimitException}
 * naming the handler and the limit, instead of a 400 from Discord after part of the
 * answer went out. JDA checks some limits itself when a component is made (a section's 1
 * to 3 text displays, a gallery's 1 to 10 items, a row's 5 buttons or 1 menu, lengths of
 * labels, ids and descriptions); these are the ones only the whole message shows:
 * <ul>
 * <li>a Components V2 message: at least one component, at most 40 in all (nested ones
 * count), at most 4,000 characters of text across its text displays (counted as JDA
 * counts them, in UTF-16 units), no poll;</li>
 * <li>any message: at most 5 rows outside a layout, custom ids and numeric component ids
 * unique, no component of a type JDA does not know (one taken from a received message),
 * at most 10 files, every {@code attachment://} reference to a file of the message;</li>
 * <li>callbacks: each {@code ~} custom id with its callback, each callback with its
 * component;</li>
 * <li>updates: a Components V2 message stays one (its text is in components), and no poll
 * is added to a message that exists;</li>
 * <li>a poll: a question of 1 to 300 characters, 1 to 10 answers of 1 to 55, open for
 * whole hours from 1 to 768.</li>
 * </ul>
 */
final class MessageLimits {

    static final int MAX_COMPONENTS = Message.MAX_COMPONENT_COUNT_IN_COMPONENT_TREE;

    static final int MAX_TEXT = Message.MAX_CONTENT_LENGTH_COMPONENT_V2;

    static final int MAX_ROWS = Message.MAX_COMPONENT_COUNT;

    static final int MAX_FILES = Message.MAX_FILE_AMOUNT;

    private static final String ATTACHMENT = "attachment://";

    private static final ComponentSerializer SERIALIZER = new ComponentSerializer();

    private MessageLimits() {
    }

    /**
     * Checks a reply before it is built.
     * @param handler how the developer finds the handler: {@code IdeaCommands.idea}
     * @param components the message's components: a layout's, then its rows, callbacks of
     * rows with their ids and those of the layout still with theirs
     * @param callbackIds the custom ids that have callbacks
     * @param updating whether the reply updates the clicked message
     * @param updatesLayout whether that message is a layout
     * @throws MessageLimitException naming the first limit broken
     */
    static void check(String handler, Reply reply, List<? extends MessageTopLevelComponent> components,
            Set<String> callbackIds, boolean updating, boolean updatesLayout) {
        Limits limits = new Limits(handler);
        if (reply.isLayout()) {
            limits.require(!components.isEmpty(), () -> "a Components V2 message needs at least one component");
            limits.require(reply.poll() == null,
                    () -> "a Components V2 message cannot carry a poll: send the poll in a reply of its own");
        }
        else if (updatesLayout) {
            limits.fail("the clicked message is a Components V2 message, which has no text of its own:"
                    + " update it with Reply.update(components...)");
        }
        if (updating && reply.poll() != null) {
            limits.fail("a poll cannot be added to a message that exists: send it with a new reply");
        }
        Set<String> fileNames = new HashSet<>();
        reply.files().forEach((file) -> fileNames.add(file.name()));
        List<Component> all = all(components);
        limits.components(components, all, reply.isLayout(), reply.files().size(), fileNames);
        limits.callbacks(all, callbackIds, reply.callbacks().keySet());
        if (reply.poll() != null) {
            limits.poll(reply.poll());
        }
    }

    /**
     * Checks a handler's own {@code MessageCreateData}: JDA's builder checked the size
     * and text of a layout; the rest is checked here.
     */
    static void check(String handler, MessageCreateData data) {
        Limits limits = new Limits(handler);
        Set<String> fileNames = new HashSet<>();
        data.getFiles().forEach((file) -> fileNames.add(file.getName()));
        List<Component> all = all(data.getComponents());
        limits.components(data.getComponents(), all, data.isUsingComponentsV2(), data.getFiles().size(), fileNames);
        for (Component component : all) {
            if (component instanceof ICustomId custom && custom.getCustomId() != null
                    && custom.getCustomId().startsWith(Reply.CALLBACK_PREFIX)) {
                limits.fail("the custom id '" + custom.getCustomId() + "' starts with " + Reply.CALLBACK_PREFIX
                        + ", which is for components with callbacks: return a Reply with withCallback(...)");
            }
        }
        if (data.getPoll() != null) {
            limits.poll(Poll.from(data.getPoll()));
        }
    }

    /**
     * Every component of a message, nested ones too: walked once for all the checks (with
     * JDA's iterator, not its stream, which costs several times as much on every answer).
     */
    private static List<Component> all(List<? extends Component> components) {
        List<Component> all = new ArrayList<>(components.size() * 4);
        ComponentIterator.create(components).forEachRemaining(all::add);
        return all;
    }

    /** The checks of one message, failing with the handler's name. */
    private record Limits(String handler) {

        /** The problem is described only when there is one (most answers have none). */
        void require(boolean condition, Supplier<String> problem) {
            if (!condition) {
                fail(problem.get());
            }
        }

        void fail(String problem) {
            throw new MessageLimitException(this.handler + ": " + problem);
        }

        void components(List<? extends MessageTopLevelComponent> components, List<Component> all, boolean layout,
                int attached, Set<String> fileNames) {
            boolean media = false;
            long textLength = 0;
            for (Component component : all) {
                media |= hasMedia(component);
                if (component instanceof TextDisplay display) {
                    textLength += display.getContent().length();
                }
            }
            // only the components with media carry files of their own
            List<FileUpload> uploads = media ? SERIALIZER.getFileUploads(components) : List.of();
            Set<String> names = fileNames;
            if (!uploads.isEmpty()) {
                names = new HashSet<>(fileNames);
                for (FileUpload upload : uploads) {
                    names.add(upload.getName());
                }
            }
            int files = attached + uploads.size();
            require(files <= MAX_FILES,
                    () -> "a message carries at most " + MAX_FILES + " files, this one has " + files);
            if (layout) {
                int count = all.size();
                require(count <= MAX_COMPONENTS, () -> "a Components V2 message holds at most " + MAX_COMPONENTS
                        + " components, this one has " + count);
                long text = textLength;
                require(text <= MAX_TEXT, () -> String.format("a Components V2 message holds at most %,d characters"
                        + " of text in its text displays, this one has %,d", MAX_TEXT, text));
            }
            else {
                require(components.size() <= MAX_ROWS, () -> "a message holds at most " + MAX_ROWS
                        + " rows of components, this one has " + components.size());
            }
            // most messages have a handful of ids, all different: counted only when one
            // repeats, to say how often
            Set<String> customIds = new HashSet<>();
            Set<Integer> uniqueIds = new HashSet<>();
            for (Component component : all) {
                // the component's own type: a container's isMessageCompatible() walks its
                // children, which this loop checks too
                if (!component.getType().isMessageCompatible()) {
                    fail("a message cannot hold a component of type " + component.getType());
                }
                if (component instanceof ICustomId custom && custom.getCustomId() != null
                        && !customIds.add(custom.getCustomId())) {
                    String id = custom.getCustomId();
                    fail("custom ids must be unique in a message: '" + id + "' is used "
                            + count(all, (other) -> other instanceof ICustomId same && id.equals(same.getCustomId()))
                            + " times");
                }
                int uniqueId = component.getUniqueId();
                if (uniqueId > 0 && !uniqueIds.add(uniqueId)) {
                    fail("component ids must be unique in a message: " + uniqueId + " is used "
                            + count(all, (other) -> other.getUniqueId() == uniqueId) + " times");
                }
                if (media) {
                    for (String url : media(component)) {
                        attachment(url, component, names);
                    }
                }
            }
        }

        private static long count(List<Component> all, Predicate<Component> same) {
            return all.stream().filter(same).count();
        }

        private static boolean hasMedia(Component component) {
            return component instanceof Thumbnail || component instanceof MediaGallery
                    || component instanceof FileDisplay;
        }

        private static List<String> media(Component component) {
            return switch (component) {
                case Thumbnail thumbnail -> List.of(thumbnail.getUrl());
                case MediaGallery gallery -> gallery.getItems().stream().map(MediaGalleryItem::getUrl).toList();
                case FileDisplay file -> List.of(file.getUrl());
                default -> List.of();
            };
        }

        private void attachment(String url, Component component, Set<String> names) {
            if (url.startsWith(ATTACHMENT)) {
                String name = url.substring(ATTACHMENT.length());
                require(names.contains(name), () -> "'" + url + "' in a " + component.getType()
                        + " refers to no file of the message: attach it with withFile(\"" + name + "\", ...)");
            }
        }

        void callbacks(List<Component> all, Set<String> callbackIds, Set<String> bound) {
            Set<String> used = new HashSet<>();
            for (Component component : all) {
                if (component instanceof ICustomId custom && custom.getCustomId() != null
                        && custom.getCustomId().startsWith(Reply.CALLBACK_PREFIX)) {
                    String id = custom.getCustomId();
                    require(callbackIds.contains(id), () -> "the " + component.getType() + " with custom id '" + id
                            + "' has no callback: add withCallback(\"" + id + "\", ...) to the reply");
                    used.add(id);
                }
            }
            if (bound.isEmpty()) {
                return; // the usual answer: no callbacks bound to ids of the layout
            }
            List<String> unused = new ArrayList<>(bound);
            unused.removeAll(used);
            require(unused.isEmpty(), () -> "the callback for '" + String.join("', '", unused)
                    + "' has no component with that custom id");
        }

        void poll(Poll poll) {
            String question = poll.question().strip();
            require(!question.isEmpty(), () -> "a poll needs a question");
            require(question.length() <= Poll.MAX_QUESTION_LENGTH, () -> "a poll's question has at most "
                    + Poll.MAX_QUESTION_LENGTH + " characters, this one has " + question.length());
            int answers = poll.answers().size();
            require(answers >= 1 && answers <= Poll.MAX_ANSWERS,
                    () -> "a poll has 1 to " + Poll.MAX_ANSWERS + " answers, this one has " + answers);
            for (Poll.Answer answer : poll.answers()) {
                String text = answer.text().strip();
                require(!text.isEmpty(), () -> "a poll's answer needs a text");
                require(text.length() <= Poll.MAX_ANSWER_LENGTH, () -> "a poll's answer has at most "
                        + Poll.MAX_ANSWER_LENGTH + " characters, '" + shortened(text) + "' has " + text.length());
            }
            Duration duration = poll.duration();
            boolean wholeHours = duration.equals(Duration.ofHours(duration.toHours()));
            require(wholeHours && duration.toHours() >= 1 && duration.compareTo(Poll.MAX_DURATION) <= 0,
                    () -> "a poll is open for whole hours, from 1 to " + Poll.MAX_DURATION.toHours() + ", not "
                            + duration);
        }

        private static String shortened(String text) {
            return (text.length() <= 20) ? text : text.substring(0, 19) + "\u2026";
        }

    }

}
