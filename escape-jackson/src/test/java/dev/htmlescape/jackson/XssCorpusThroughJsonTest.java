package dev.htmlescape.jackson;

import dev.htmlescape.testing.jackson.JsonBinding;
import dev.htmlescape.testing.jackson.XssThroughJson;

/** The shared XSS check through JSON, run with the Jackson 3 module. */
class XssCorpusThroughJsonTest extends XssThroughJson {

    @Override
    protected JsonBinding binding() {
        return Jackson3Binding.JACKSON_3;
    }
}
