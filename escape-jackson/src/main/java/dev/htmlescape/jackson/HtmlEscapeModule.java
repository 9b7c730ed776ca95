package dev.htmlescape.jackson;

import dev.htmlescape.Escaper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import tools.jackson.core.Version;
import tools.jackson.core.util.VersionUtil;
import tools.jackson.databind.JacksonModule;

/**
 * A Jackson 3 module that escapes every String while JSON is read, wherever it lands: bean
 * properties, creator and record parameters, arrays, collections, map values and keys,
 * {@code Optional}, untyped values ({@code Object}, {@code Map<String, Object>}) and
 * {@code JsonNode} trees. {@code @NoEscape} and {@code @Escape} work as they do for
 * {@link Escaper}. Type ids, enum names, numbers and property names that bind to properties are
 * never escaped, and writing JSON is left alone.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder()
 *         .addModule(new HtmlEscapeModule())      // never found by findAndAddModules(): added by name
 *         .build();
 * Comment comment = mapper.readValue(json, Comment.class);
 * }</pre>
 *
 * <p>A configured {@link Escaper} sets the default context and whether map keys are escaped:
 * {@code new HtmlEscapeModule(Escaper.builder().escapeMapKeys(false).build())}.
 *
 * <p>Thread-safety: immutable; one instance may serve any number of mappers and threads.
 */
public final class HtmlEscapeModule extends JacksonModule {

    /** The module's name, fixed whatever its version. */
    public static final String NAME = "dev.htmlescape.jackson";

    private static final Version VERSION = readVersion();

    private final Escaping escaping;

    /** The module with the default policy: HTML context, map keys escaped. */
    public HtmlEscapeModule() {
        this(Escaper.builder().build());
    }

    /**
     * The module with {@code escaper}'s policy: its default context, whether it escapes map keys,
     * and, for untyped values, the rest of its settings.
     *
     * @param escaper the configured core escaper
     */
    public HtmlEscapeModule(Escaper escaper) {
        this.escaping = new Escaping(Objects.requireNonNull(escaper, "escaper"));
    }

    @Override
    public String getModuleName() {
        return NAME;
    }

    @Override
    public Version version() {
        return VERSION;
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializerModifier(new EscapingModifier(escaping));
        context.addDeserializers(new EscapingTreeDeserializers(escaping));
        context.addValueInstantiators(new EscapingValueInstantiators(escaping));
    }

    private static Version readVersion() {
        Properties build = new Properties();
        try (InputStream in = HtmlEscapeModule.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return Version.unknownVersion();
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return VersionUtil.parseVersion(build.getProperty("version"), build.getProperty("groupId"),
                build.getProperty("artifactId"));
    }
}
