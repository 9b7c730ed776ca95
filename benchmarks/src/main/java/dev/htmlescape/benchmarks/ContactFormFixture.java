package dev.htmlescape.benchmarks;

/** The flat scenario: a {@link ContactForm} with ten Strings. */
public final class ContactFormFixture extends Fixture<ContactForm> {

    /** Never escaped: the values {@link #reset()} puts back. */
    private final ContactForm pristine;

    /**
     * Builds the form and its pristine twin.
     *
     * @param flavour clean text, or every fourth String dirty
     */
    public ContactFormFixture(Flavour flavour) {
        this(flavour, 0);
    }

    /**
     * Builds the form and its pristine twin, with the dirty Strings elsewhere: for tests.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    ContactFormFixture(Flavour flavour, int firstDirty) {
        super(newForm(new SampleText(flavour, firstDirty)), flavour == Flavour.DIRTY);
        this.pristine = newForm(new SampleText(flavour, firstDirty));
    }

    /**
     * A form filled from the sample text: the same for the same text.
     *
     * @param text the Strings to fill it with, in declaration order
     * @return a new form
     */
    private static ContactForm newForm(SampleText text) {
        ContactForm form = new ContactForm();
        form.setFirstName(text.next(SampleText.FIRST_NAMES));
        form.setLastName(text.next(SampleText.LAST_NAMES));
        form.setEmail(text.next(SampleText.EMAILS));
        form.setPhone(text.next(SampleText.PHONES));
        form.setCompany(text.next(SampleText.COMPANIES));
        form.setStreet(text.next(SampleText.STREETS));
        form.setCity(text.next(SampleText.CITIES));
        form.setPostalCode(text.next(SampleText.POSTAL_CODES));
        form.setCountry(text.next(SampleText.COUNTRIES));
        form.setMessage(text.next(SampleText.MESSAGES));
        return form;
    }

    @Override
    public void reset() {
        ContactForm form = root();
        form.setFirstName(pristine.getFirstName());
        form.setLastName(pristine.getLastName());
        form.setEmail(pristine.getEmail());
        form.setPhone(pristine.getPhone());
        form.setCompany(pristine.getCompany());
        form.setStreet(pristine.getStreet());
        form.setCity(pristine.getCity());
        form.setPostalCode(pristine.getPostalCode());
        form.setCountry(pristine.getCountry());
        form.setMessage(pristine.getMessage());
    }
}
