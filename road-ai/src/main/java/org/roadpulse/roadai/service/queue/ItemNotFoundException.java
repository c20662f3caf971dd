package org.roadpulse.roadai.service.queue;

/** No item with this id in this municipality (it may exist in another: that is not this caller's business). */
public final class ItemNotFoundException extends RuntimeException {
    public ItemNotFoundException(String ags, long id) {
        super("no item " + id + " in municipality " + ags);
    }
}
