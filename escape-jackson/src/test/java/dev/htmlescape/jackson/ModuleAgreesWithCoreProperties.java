package dev.htmlescape.jackson;

import dev.htmlescape.testing.jackson.JsonBinding;
import dev.htmlescape.testing.jackson.ModuleAgreesWithCore;

/** The shared differential properties, run with the Jackson 3 module. */
class ModuleAgreesWithCoreProperties extends ModuleAgreesWithCore {

    @Override
    protected JsonBinding binding() {
        return Jackson3Binding.JACKSON_3;
    }
}
