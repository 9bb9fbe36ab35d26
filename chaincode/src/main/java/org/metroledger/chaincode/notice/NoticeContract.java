package org.metroledger.chaincode.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.certificate.Certificate;
import org.metroledger.chaincode.certificate.CertificateKind;
import org.metroledger.chaincode.certificate.CertificateStatus;
import org.metroledger.chaincode.certificate.Conformity;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.indicator.Coverage;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Place;
import org.metroledger.chaincode.indicator.Places;
import org.metroledger.chaincode.indicator.Reads;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.Instrument;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * Expiry and overdue notices: {@code Due} lists those not yet recorded for a region or an entity;
 * {@code Announce} records one, once, after checking it is due now, with its chaincode event
 * ({@code CertificateExpiring} or {@code InstrumentOverdue}) for the event stream and webhooks.
 */
@Contract(name = "notice", info = @Info(title = "MetroLedger expiry and overdue notices", version = "1"))
public final class NoticeContract implements MetroContract {

    /** Request of Due: one of region and entity. */
    public record DueQuery(String region, String entity, String at) {}

    /** Answer of Due. */
    public record DueNotices(String day, List<Notice> notices) {}

    /**
     * The notices due at {@code at} (default the transaction time) not recorded yet, of a region
     * (its INSPECTORs and CENTRE_ADMINs) or of an entity's instruments (the entity, or its region's
     * inspectors and centre admins).
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Due(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        DueQuery r = Canonical.read(request, DueQuery.class);
        Check.that((r.region() == null) != (r.entity() == null), "region", "or entity is needed, and only one of them");
        Instant at = Check.instantOr("at", r.at(), store.now());
        LocalDate day = Days.of(at);
        String region;
        Set<String> instruments = null;
        List<Place> places;
        if (r.entity() != null) {
            Check.id("entity", r.entity());
            Entity entity = store.get(Entity.TYPE, r.entity(), Entity.class);
            requireReader(ctx.caller(), entity.region(), entity.id());
            region = entity.region();
            instruments = new TreeSet<>(store.idsByIndex(Instrument.BY_OWNER, entity.id()));
            places = Places.matching(store.stub(), region, entity.province(), null);
        } else {
            region = Check.id("region", r.region());
            requireReader(ctx.caller(), region, null);
            places = Places.matching(store.stub(), region, null, null);
        }
        List<Notice> due = new ArrayList<>();
        for (Place place : places) {
            for (Reads.Expiring e : Reads.expiringWithin(store.stub(), place, day, Notice.WINDOW_DAYS)) {
                if (instruments == null || instruments.contains(e.instrument())) {
                    expiring(store, e.certificate(), day).ifPresent(due::add);
                }
            }
            for (Reads.Overdue o : Reads.overdue(store.stub(), place, day)) {
                if (instruments == null || instruments.contains(o.instrument())) {
                    overdue(store, o.instrument(), o.since(), day).ifPresent(due::add);
                }
            }
        }
        List<Notice> fresh =
                due.stream().filter(n -> !store.exists(Notice.TYPE, n.id())).toList();
        return Canonical.json(new DueNotices(day.toString(), fresh));
    }

    /** Records a notice that is due now, once; CONFLICT when it is not due or recorded already. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Announce(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ById r = Canonical.read(request, ById.class);
        Check.text("id", r.id(), 300);
        LocalDate day = Days.of(store.now());
        Optional<Notice> notice;
        if (r.id().startsWith("expiring:")) {
            notice = expiring(store, Check.id("id", r.id().substring("expiring:".length())), day);
        } else if (r.id().startsWith("overdue:") && r.id().length() > "overdue:".length() + 11) {
            String rest = r.id().substring("overdue:".length());
            String since = rest.substring(rest.length() - 10);
            Check.that(rest.charAt(rest.length() - 11) == ':', "id", "must be overdue:<instrument>:<yyyy-mm-dd>");
            notice = overdue(store, Check.id("id", rest.substring(0, rest.length() - 11)), since, day);
        } else {
            throw Fail.invalid("id", "must be expiring:<certificate> or overdue:<instrument>:<yyyy-mm-dd>");
        }
        Notice due = notice.orElseThrow(() -> Fail.conflict("notice " + r.id() + " is not due on " + day));
        requireReader(ctx.caller(), due.region(), due.entity());
        store.requireAbsent(Notice.TYPE, due.id());
        Stamp stamp = store.stamp();
        Notice recorded = new Notice(
                due.id(),
                due.kind(),
                due.certificate(),
                due.instrument(),
                due.entity(),
                due.region(),
                due.province(),
                due.category(),
                due.day(),
                stamp.recordedAt(),
                stamp.txId());
        store.put(Notice.TYPE, recorded.id(), recorded);
        return store.answerWithEvent(
                recorded.kind() == NoticeKind.CERTIFICATE_EXPIRING ? "CertificateExpiring" : "InstrumentOverdue",
                recorded);
    }

    /** A recorded notice: an expiry notice for anyone, an overdue one for those who may read it. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ById r = Canonical.read(request, ById.class);
        Check.text("id", r.id(), 300);
        Notice notice = store.get(Notice.TYPE, r.id(), Notice.class);
        if (notice.kind() == NoticeKind.INSTRUMENT_OVERDUE) {
            requireReader(ctx.caller(), notice.region(), notice.entity());
        }
        return Canonical.json(notice);
    }

    /**
     * Overdue instruments are named only to their region's inspectors and centre admins and to
     * their owner (as the indicators' named lists); the same goes for asking what is due.
     */
    private static void requireReader(Caller caller, String region, String entity) {
        if (entity != null && caller.has(Role.ENTITY)) {
            if (!entity.equals(caller.participant().orElseThrow().organisation())) {
                throw Fail.forbidden("an entity may read only its own notices");
            }
            return;
        }
        caller.require("read the notices of " + region, Role.INSPECTOR, Role.CENTRE_ADMIN);
        if (!caller.msp().equals(region)) {
            throw Fail.forbidden(caller.msp() + " may not read the notices of " + region);
        }
    }

    /** The expiry notice of a certificate, if it is a current PASS verification of an instrument within the window. */
    private static Optional<Notice> expiring(RecordStore store, String certificateId, LocalDate day) {
        return store.find(Certificate.TYPE, certificateId, Certificate.class)
                .filter(c -> c.kind() == CertificateKind.VERIFICATION
                        && c.conformity() == Conformity.PASS
                        && c.subjectType() == SubjectType.INSTRUMENT
                        && c.status() == CertificateStatus.ACTIVE)
                .flatMap(c -> {
                    LocalDate ends = Days.of(Instant.parse(c.validUntil()));
                    if (!ends.isAfter(day) || ends.isAfter(day.plusDays(Notice.WINDOW_DAYS))) {
                        return Optional.empty();
                    }
                    return about(store, c.subject())
                            .map(i -> new Notice(
                                    Notice.expiringId(c.id()),
                                    NoticeKind.CERTIFICATE_EXPIRING,
                                    c.id(),
                                    i.instrument(),
                                    i.owner(),
                                    i.region(),
                                    i.province(),
                                    i.category(),
                                    ends.toString(),
                                    null,
                                    null));
                });
    }

    /** The overdue notice of an instrument whose gap began {@code since}, if that gap is open on {@code day}. */
    private static Optional<Notice> overdue(RecordStore store, String instrument, String since, LocalDate day) {
        LocalDate start;
        try {
            start = LocalDate.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw Fail.invalid("id", "must end with the day the instrument became overdue, yyyy-mm-dd");
        }
        boolean open = Coverage.of(store, instrument)
                .map(c -> c.gaps().stream()
                        .anyMatch(
                                g -> g[0].equals(start) && !start.isAfter(day) && (g[1] == null || g[1].isAfter(day))))
                .orElse(false);
        if (!open) {
            return Optional.empty();
        }
        return about(store, instrument)
                .map(i -> new Notice(
                        Notice.overdueId(instrument, since),
                        NoticeKind.INSTRUMENT_OVERDUE,
                        null,
                        instrument,
                        i.owner(),
                        i.region(),
                        i.province(),
                        i.category(),
                        since,
                        null,
                        null));
    }

    /** Where an instrument is, for a notice: its owner's region and province and its category. */
    private record About(String instrument, String owner, String region, String province, String category) {}

    private static Optional<About> about(RecordStore store, String instrumentId) {
        return store.find(Instrument.TYPE, instrumentId, Instrument.class)
                .flatMap(i -> store.find(Entity.TYPE, i.owner(), Entity.class)
                        .map(e -> new About(i.id(), e.id(), e.region(), e.province(), i.category())));
    }
}
