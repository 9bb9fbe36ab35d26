package org.metroledger.chaincode;

import java.util.List;
import org.hyperledger.fabric.contract.ContractInterface;
import org.metroledger.chaincode.audit.AuditContract;
import org.metroledger.chaincode.catalogue.CatalogueContract;
import org.metroledger.chaincode.certificate.CertificateContract;
import org.metroledger.chaincode.commitment.CommitmentContract;
import org.metroledger.chaincode.credit.CreditContract;
import org.metroledger.chaincode.inspection.InspectionContract;
import org.metroledger.chaincode.notice.NoticeContract;
import org.metroledger.chaincode.probe.ProbeContract;
import org.metroledger.chaincode.recognition.RecognitionContract;
import org.metroledger.chaincode.registration.RegistryContract;
import org.metroledger.chaincode.registry.EngagementContract;
import org.metroledger.chaincode.supervision.IndicatorContract;

/**
 * Every contract of the chaincode. A peer's router finds them by scanning its classpath; the
 * in-process router registers this list instead (a test checks that the two agree).
 */
public final class Contracts {
    public static final List<Class<? extends ContractInterface>> ALL = List.of(
            AuditContract.class,
            CatalogueContract.class,
            CertificateContract.class,
            CommitmentContract.class,
            CreditContract.class,
            IndicatorContract.class,
            InspectionContract.class,
            NoticeContract.class,
            ProbeContract.class,
            RecognitionContract.class,
            EngagementContract.class,
            RegistryContract.class);

    private Contracts() {}
}
