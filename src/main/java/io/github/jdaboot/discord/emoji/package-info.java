/**
 * Application emojis: the images in {@code discord/emojis/} uploaded to the application
 * at startup when missing or changed ({@code ApplicationEmojiSynchronizer}), checked
 * against Discord's limits first ({@code EmojiFiles}), and looked up by name
 * ({@code ApplicationEmojis}) for replies, buttons, select options and poll answers.
 */
@NullMarked
package io.github.jdaboot.discord.emoji;

import org.jspecify.annotations.NullMarked;
