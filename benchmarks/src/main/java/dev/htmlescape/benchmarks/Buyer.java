package dev.htmlescape.benchmarks;

/** The buyer of a {@link Purchase}: a bean whose two addresses are records. */
public class Buyer {

    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private AddressRecord billing;
    private AddressRecord shipping;

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public AddressRecord getBilling() {
        return billing;
    }

    public void setBilling(AddressRecord billing) {
        this.billing = billing;
    }

    public AddressRecord getShipping() {
        return shipping;
    }

    public void setShipping(AddressRecord shipping) {
        this.shipping = shipping;
    }
}
