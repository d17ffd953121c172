/**
 * A real browser for tests of web pages: Debian's Chromium, headless, through Selenium.
 */
@NullMarked
package io.github.jdaboot.testing.browser;

import org.jspecify.annotations.NullMarked;
