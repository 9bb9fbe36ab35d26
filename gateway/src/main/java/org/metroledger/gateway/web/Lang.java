package org.metroledger.gateway.web;

/** The page language: Chinese by default, English on {@code ?lang=en}. */
public enum Lang {
    ZH("zh-CN"),
    EN("en");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag for the html element's lang attribute. */
    public String tag() {
        return tag;
    }

    public static Lang of(String parameter) {
        return "en".equalsIgnoreCase(parameter) ? EN : ZH;
    }

    public Lang other() {
        return this == ZH ? EN : ZH;
    }
}
