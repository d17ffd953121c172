/**
 * Forms: what the framework offered in a form it opened ({@code OfferedForm}, remembered
 * per user in {@code OfferedForms}), the check of a submission against it, and the
 * {@code FieldResolver} contract (one Java type of {@code @Field} parameter: which of
 * Discord's modal components can fill it, and how a submitted value is read), with the
 * framework's resolver for each type it supports. Adding a field type is one bean of
 * {@code FieldResolver}.
 */
@NullMarked
package io.github.jdaboot.interaction.form;

import org.jspecify.annotations.NullMarked;
