package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an {@link Order}: three Strings and a list of tags (two in the fixture, so five
 * Strings in all).
 */
public class OrderLine {

    private String sku;
    private String name;
    private String note;
    private List<String> tags = new ArrayList<>();

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }
}
