package org.metroledger.chaincode.state;

import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;

/** Request naming one record by its id: the request of every contract's Get, and of steps on one record. */
public record ById(String id) {
    /** The id the request names, checked as a writer-chosen id (INVALID_ARGUMENT naming {@code id}). */
    public static String checked(String request) {
        return Check.id("id", Canonical.read(request, ById.class).id());
    }

    /** The canonical JSON of the record of that type the request names, or NOT_FOUND: what a Get answers. */
    public static <T> String answer(RecordStore store, String request, String type, Class<T> recordClass) {
        return Canonical.json(store.get(type, checked(request), recordClass));
    }
}
