package io.github.jdaboot.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages in {@code docs/} link to each other, to the repository's files
 * and to headings: every such link must lead somewhere, as GitHub renders it.
 */
class DocumentationLinksTests {

    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)\\)");

    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    private static final Pattern FENCE = Pattern.compile("^\\s*```");

    @Test
    @DisplayName("every relative link in README.md and docs/ names a file that exists, and a heading it has")
    void relativeLinksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto: ...: not checked here (no network)
                }
                int hash = target.indexOf('#');
                String file = (hash >= 0) ? target.substring(0, hash) : target;
                String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no " + resolved + ")");
                }
                else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(page + ": " + target + " (no heading #" + anchor + " in " + resolved + ")");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    @DisplayName("every page in docs/ is reachable from the README")
    void everyPageIsLinked() throws IOException {
        Set<Path> reached = new LinkedHashSet<>();
        List<Path> queue = new ArrayList<>(List.of(Path.of("README.md")));
        while (!queue.isEmpty()) {
            Path page = queue.removeFirst();
            if (!reached.add(page.normalize())) {
                continue;
            }
            for (String target : links(page)) {
                String file = target.replaceFirst("#.*$", "");
                if (!target.matches("^[a-z]+:.*") && file.endsWith(".md")) {
                    Path next = page.resolveSibling(file);
                    if (Files.exists(next.normalize())) {
                        queue.add(next.normalize());
                    }
                }
            }
        }
        assertThat(pages()).filteredOn((page) -> page.startsWith("docs"))
            .allSatisfy((page) -> assertThat(reached).as("pages reached from README.md").contains(page));
    }

    @Test
    @DisplayName("the README stays short: guides and references live in docs/")
    void readmeIsShort() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(200);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The links of a page, outside code blocks and code spans. */
    private static List<String> links(Path page) throws IOException {
        List<String> links = new ArrayList<>();
        boolean code = false;
        for (String line : Files.readAllLines(page)) {
            if (FENCE.matcher(line).find()) {
                code = !code;
                continue;
            }
            if (code) {
                continue;
            }
            Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (matcher.find()) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }

    /** The anchors GitHub gives a page's headings. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean code = false;
        for (String line : Files.readAllLines(page)) {
            if (FENCE.matcher(line).find()) {
                code = !code;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!code && heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchor: lower case, markup and punctuation dropped, spaces as
     * hyphens.
     */
    static String slug(String heading) {
        String text = Normalizer.normalize(heading.strip(), Normalizer.Form.NFC)
            .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .toLowerCase();
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach((c) -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
            else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

}
