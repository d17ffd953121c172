package io.github.jdaboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The tutorial's bot: the app is the {@code idea} package, component-scanned; the
 * framework ({@code discord}, {@code command}) comes in as auto-configuration, as it
 * would from a starter, so it is not scanned.
 */
@SpringBootApplication(scanBasePackages = "io.github.jdaboot.idea")
public class DiscordBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscordBotApplication.class, args);
    }

}
