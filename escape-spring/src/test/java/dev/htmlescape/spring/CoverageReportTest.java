package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the escaping covers, made visible: the {@code htmlescape} actuator endpoint lists every
 * handler method, its request inputs and their String paths; the startup log sums them up and warns
 * of each path that is not covered.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoverageReportTest {

    @Test
    void listsEachInputOfAHandlerWithItsSourceAndThePolicyOfEveryStringPath() {
        try (RunningApp app = new RunningApp()) {
            Map<String, Object> report = app.bean(HtmlEscapeEndpoint.class).coverage();

            assertThat(inputs(report, "jsonComment(Comment)")).containsExactly(Map.of("name", "comment", "source", "body",
                    "paths", List.of(path("comment.author", "HTML"), path("comment.text", "HTML"),
                            path("comment.tags[]", "HTML"), path("comment.attributes{key}", "HTML"),
                            path("comment.attributes{value}", "HTML"), path("comment.person.name", "HTML"),
                            path("comment.person.note", "HTML"))));
            assertThat(inputs(report, "formPerson(Person)")).containsExactly(Map.of("name", "person", "source", "model",
                    "paths", List.of(path("person.name", "HTML"), path("person.note", "HTML"))));
            assertThat(inputs(report, "scriptParam(String)")).containsExactly(Map.of("name", "value", "source", "param",
                    "paths", List.of(path("string", "JAVASCRIPT"))));
            assertThat(inputs(report, "header(String, HttpHeaders)")).extracting(input -> input.get("name"),
                    input -> input.get("source")).containsExactly(org.assertj.core.groups.Tuple.tuple("X-Note", "header"),
                    org.assertj.core.groups.Tuple.tuple("headers", "header"));
            assertThat(inputs(report, "pathVariable(String)")).extracting(input -> input.get("source")).containsExactly("path");
            assertThat(inputs(report, "cookie(String)")).extracting(input -> input.get("source")).containsExactly("cookie");
            // the uploaded file is binary and no input
            assertThat(inputs(report, "part(Person, MultipartFile)")).extracting(input -> input.get("source"))
                    .containsExactly("part");
        }
    }

    @Test
    void namesWhyAPathIsNotEscaped() {
        try (RunningApp app = new RunningApp()) {
            Map<String, Object> report = app.bean(HtmlEscapeEndpoint.class).coverage();

            assertThat(paths(report, "jsonFinalNote(FinalNote)")).singleElement()
                    .satisfies(path -> assertThat(path).containsEntry("path", "finalNote.text")
                            .containsEntry("policy", "not-writable").containsKey("reason"));
            assertThat(paths(report, "rawParam(String, String)")).extracting(path -> path.get("policy"))
                    .containsExactly("left-alone", "HTML");
            assertThat(paths(report, "untouched(String)")).extracting(path -> path.get("policy"))
                    .containsExactly("left-alone");
        }
    }

    @Test
    void summarisesAtStartupAndWarnsOfEachPathNotCovered(CapturedOutput log) {
        try (RunningApp app = new RunningApp()) {
            Map<String, Object> report = app.bean(HtmlEscapeEndpoint.class).coverage();
            List<Map<String, Object>> all = allPaths(report);
            long escaped = all.stream().filter(path -> !path.containsKey("reason")).count();
            long leftAlone = all.stream().filter(path -> path.get("policy").equals("left-alone")).count();
            long atRunTime = all.stream().filter(path -> path.get("policy").equals("at-run-time")).count();
            long secret = all.stream().filter(path -> path.get("policy").equals("secret")).count();
            long notCovered = all.size() - escaped - leftAlone - atRunTime - secret;

            assertThat(escaped).isGreaterThan(40);
            assertThat(notCovered).isEqualTo(1);
            assertThat(secret).isGreaterThan(5);
            assertThat(log.getAll()).contains("html-escape: " + handlers(report).size() + " handler methods; String inputs: "
                    + escaped + " escaped, " + leftAlone + " left alone, " + secret + " credentials left as typed, "
                    + atRunTime + " decided at run time, "
                    + notCovered + " not covered");
            assertThat(log.getAll()).containsPattern("WARN.*InputsController#jsonFinalNote\\(FinalNote\\) body 'note'"
                    + " finalNote.text is not escaped \\(not-writable\\)");
        }
    }

    @Test
    void isServedOverHttpOnlyWhereTheApplicationExposesIt() {
        try (RunningApp hidden = new RunningApp();
                RunningApp exposed = new RunningApp("management.endpoints.web.exposure.include=health,htmlescape")) {
            assertThat(hidden.http.get("/actuator/htmlescape").statusCode()).isEqualTo(404);

            HttpResponse<String> response = exposed.http.get("/actuator/htmlescape");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"handlers\":[{\"handler\":")
                    .contains("{\"name\":\"comment\",\"source\":\"body\",\"paths\":[{\"path\":\"comment.author\",\"policy\":\"HTML\"}");
        }
    }

    private static Map<String, Object> path(String path, String policy) {
        return Map.of("path", path, "policy", policy);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> handlers(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("handlers");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> inputs(Map<String, Object> report, String method) {
        List<Map<String, Object>> found = handlers(report).stream()
                .filter(handler -> handler.get("handler").equals(InputsController.class.getName() + "#" + method)
                        || handler.get("handler").equals(InputsController.UntouchedController.class.getName() + "#" + method))
                .toList();
        assertThat(found).as(method).hasSize(1);
        return (List<Map<String, Object>>) found.get(0).get("inputs");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> paths(Map<String, Object> report, String method) {
        return inputs(report, method).stream().flatMap(input -> ((List<Map<String, Object>>) input.get("paths")).stream())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> allPaths(Map<String, Object> report) {
        return handlers(report).stream().flatMap(handler -> ((List<Map<String, Object>>) handler.get("inputs")).stream())
                .flatMap(input -> ((List<Map<String, Object>>) input.get("paths")).stream()).toList();
    }
}
