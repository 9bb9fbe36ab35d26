package org.metroledger.chaincode.supervision;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.indicator.Compaction;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Place;
import org.metroledger.chaincode.indicator.Places;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.state.RecordStore;

/**
 * The regulator indicators (DESIGN §4): public figures per region, province and category as of
 * any day, read from the tallies the other contracts write with each record; the named overdue
 * list for inspectors and centre admins; a recount from every record; and the compaction that
 * keeps the tallies short.
 */
@Contract(name = "indicator", info = @Info(title = "MetroLedger supervision indicators", version = "1"))
public final class IndicatorContract implements MetroContract {
    /** Largest overdue list answered at once. */
    public static final int MAX_LIST = 200;

    /** Request of Overdue: the query's place and day, and how many instruments to name. */
    public record OverdueQuery(String region, String province, String category, String at, Integer limit) {
        /** The place and day checked and resolved against the transaction time. */
        IndicatorQuery.Resolved resolve(java.time.Instant now) {
            wanted();
            return new IndicatorQuery(region, province, category, null, at, null, null).resolve(now);
        }

        /** How many to name: checked, 50 by default. */
        int wanted() {
            int n = limit == null ? 50 : limit;
            Check.that(n >= 1 && n <= MAX_LIST, "limit", "must be 1-" + MAX_LIST);
            return n;
        }

        /** The answer: the total and the first {@code limit} items, with how many days each is overdue. */
        OverdueList list(IndicatorQuery.Resolved q, Tallied.Overdue overdue) {
            List<OverdueItem> items = overdue.first().stream()
                    .limit(wanted())
                    .map(o -> new OverdueItem(
                            o.instrument(),
                            o.region(),
                            o.province(),
                            o.category(),
                            o.since(),
                            q.day().toEpochDay() - LocalDate.parse(o.since()).toEpochDay()))
                    .toList();
            return new OverdueList(q.day().toString(), overdue.total(), items);
        }
    }

    /** Answer of Overdue: how many are overdue, and the first {@code limit}, longest overdue first. */
    public record OverdueList(String day, long total, List<OverdueItem> items) {}

    /** One overdue instrument, and for how many days it has been. */
    public record OverdueItem(
            String instrument, String region, String province, String category, String since, long days) {}

    /** Request of Compact: fold delta rows of days up to {@code through} (default: today), at most {@code limit}. */
    public record CompactionRequest(String through, Integer limit, List<Place> places) {}

    /** Most places one compaction may name. */
    public static final int MAX_PLACES = 10_000;

    /** Answer of Places: every place with tallies, in key order. */
    public record PlaceList(List<Place> places) {}

    /** Every place with tallies: what a scheduled compaction names, so that it reads no place marker. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Places(TransactionContext ctx) {
        return Canonical.json(new PlaceList(Places.all(ctx.store().stub())));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Summary(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        IndicatorQuery q = Canonical.read(request, IndicatorQuery.class);
        return Canonical.json(Tallied.of(store.stub(), q.resolve(store.now())));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Overdue(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ctx.caller().require("read the named list of overdue instruments", Role.INSPECTOR, Role.CENTRE_ADMIN);
        OverdueQuery r = Canonical.read(request, OverdueQuery.class);
        IndicatorQuery.Resolved q = r.resolve(store.now());
        return Canonical.json(r.list(q, Tallied.overdue(store.stub(), q, r.wanted())));
    }

    /** The same list as Overdue counted from every record; centre admins only, since it reads them all. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String RecountOverdue(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ctx.caller().require("recount the overdue instruments from every record", Role.CENTRE_ADMIN);
        OverdueQuery r = Canonical.read(request, OverdueQuery.class);
        IndicatorQuery.Resolved q = r.resolve(store.now());
        return Canonical.json(r.list(q, Recount.overdue(store, q)));
    }

    /** The same figures as Summary counted from every record; centre admins only, since it reads them all. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Recount(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ctx.caller().require("recount the indicators from every record", Role.CENTRE_ADMIN);
        IndicatorQuery q = Canonical.read(request, IndicatorQuery.class);
        return Canonical.json(Recount.of(store, q.resolve(store.now())));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Compact(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ctx.caller().require("compact the indicator tallies", Role.CENTRE_ADMIN);
        CompactionRequest r = Canonical.read(request, CompactionRequest.class);
        LocalDate through = r.through() == null
                ? Days.of(store.now())
                : LocalDate.ofInstant(Check.instant("through", r.through()), ZoneOffset.UTC);
        int limit = r.limit() == null ? 20_000 : r.limit();
        Check.that(limit >= 1 && limit <= 200_000, "limit", "must be 1-200000");
        if (r.places() == null) {
            return Canonical.json(Compaction.compact(store.stub(), through, limit));
        }
        Check.that(r.places().size() <= MAX_PLACES, "places", "at most " + MAX_PLACES);
        for (Place place : r.places()) {
            Check.that(
                    place != null && place.region() != null && place.province() != null && place.category() != null,
                    "places",
                    "each needs region, province and category (empty for all categories)");
        }
        return Canonical.json(Compaction.compact(store.stub(), r.places(), through, limit));
    }
}
