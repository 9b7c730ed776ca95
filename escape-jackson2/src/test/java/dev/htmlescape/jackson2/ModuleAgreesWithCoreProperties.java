package dev.htmlescape.jackson2;

import dev.htmlescape.testing.jackson.JsonBinding;
import dev.htmlescape.testing.jackson.ModuleAgreesWithCore;

/** The shared differential properties, run with the Jackson 2 module. */
class ModuleAgreesWithCoreProperties extends ModuleAgreesWithCore {

    @Override
    protected JsonBinding binding() {
        return Jackson2Binding.JACKSON_2;
    }
}
