package dev.htmlescape;

/** How the walker treats an object of a given runtime class. */
enum NodeKind {
    /** Never entered: JDK values, enums, lambdas, {@code @NoEscape} types, framework infrastructure and proxies. */
    OPAQUE,
    /** A String: escaped, never entered. */
    STRING,
    /** A plain class whose instance fields are read and written. */
    BEAN,
    /** A record, rebuilt through its canonical constructor when a component changed. */
    RECORD,
    /** An array of references (arrays of primitives are {@link #OPAQUE}). */
    ARRAY,
    /** A {@link java.util.List}. */
    LIST,
    /** A {@link java.util.Set}. */
    SET,
    /** Any other {@link java.util.Collection}: queues, deques, bags. */
    COLLECTION,
    /** A {@link java.util.Map}: keys and values. */
    MAP,
    /** A {@link java.util.Optional}. */
    OPTIONAL
}
