package dev.htmlescape.jackson2;

import dev.htmlescape.testing.jackson.JsonBinding;
import dev.htmlescape.testing.jackson.XssThroughJson;

/** The shared XSS check through JSON, run with the Jackson 2 module. */
class XssCorpusThroughJsonTest extends XssThroughJson {

    @Override
    protected JsonBinding binding() {
        return Jackson2Binding.JACKSON_2;
    }
}
