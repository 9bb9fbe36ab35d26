package org.metroledger.gateway.web;

/** Every fixed phrase of the pages, in Chinese and English. */
enum Text {
    SITE("计量链 · 可信计量记录", "MetroLedger · trusted measurement records"),
    SWITCH_LANGUAGE("English", "中文"),
    NAV_LEDGER("账本", "Ledger"),
    NAV_RECOGNITION("互认查询", "Recognition"),
    NAV_INSPECT("监管登录", "Inspector sign-in"),
    VERIFY_TITLE("证书核验结果", "Certificate verification"),
    VERDICT_VALID("有效", "VALID"),
    VERDICT_NOT_FOUND("证书不存在", "NOT FOUND"),
    VERDICT_DIGEST_MISMATCH("内容不符", "DIGEST MISMATCH"),
    VERDICT_SIGNATURE_INVALID("签名无效 · 疑似伪造", "SIGNATURE INVALID · likely forged"),
    VERDICT_REVOKED("已撤销", "REVOKED"),
    VERDICT_SUPERSEDED("已被替代", "SUPERSEDED"),
    VERDICT_EXPIRED("已过期", "EXPIRED"),
    VERDICT_ISSUER_NOT_ACCREDITED("机构未获认可", "ISSUER NOT ACCREDITED"),
    VERDICT_TRACEABILITY_BROKEN("溯源链断裂", "TRACEABILITY BROKEN"),
    VERDICT_VALID_EXPLAIN(
            "这张证书真实，由下列机构签发，目前有效。", "This certificate is genuine, issued by the lab below, and in force."),
    VERDICT_FORGED_EXPLAIN(
            "二维码的签名无法用签发机构的公钥验证：二维码被篡改或伪造。下列内容仅为二维码自称，不可信。",
            "The QR code's signature does not verify with the issuing lab's key: it was edited or forged. "
                    + "What follows is only what the code claims; do not trust it."),
    VERDICT_BAD_EXPLAIN("二维码真实，但证书目前不能作为有效证明。", "The QR code is genuine, but the certificate is not valid proof now."),
    CHECKS("逐项检查", "Checks"),
    CHECK_OK("通过", "passed"),
    CHECK_FAILED("未通过", "failed"),
    CERTIFICATE("证书", "Certificate"),
    CERTIFICATE_NO("证书编号", "Certificate No."),
    LAB_IDENTIFIER("实验室证书标识", "Laboratory's identifier"),
    KIND("类别", "Kind"),
    METHOD("规程", "Procedure"),
    CONFORMITY("结论", "Conformity"),
    PASS("合格", "pass"),
    FAIL("不合格", "fail"),
    NONE("校准（无判定）", "calibration (no decision)"),
    ISSUED_AT("签发日期", "Issued"),
    VALID_UNTIL("有效期至", "Valid until"),
    SUCCESSOR("替代证书", "Superseded by"),
    STATUS_REASON("原因", "Reason"),
    INSTRUMENT("计量器具", "Instrument"),
    SERIAL("出厂编号", "Serial"),
    LOCATION("安装地点", "Location"),
    MODEL("型号", "Model"),
    ISSUER("签发机构", "Issuing lab"),
    ACCREDITATION("认可", "Accreditation"),
    LAB_STATUS("机构状态", "Lab status"),
    OWNER("使用单位", "Operator"),
    CREDIT_GRADE("计量信用等级", "Metrology credit grade"),
    SCORE("得分", "Score"),
    COMMITMENT("诚信计量承诺", "Integrity commitment"),
    COMMITMENT_NONE("未公开承诺", "No commitment published"),
    COMMITMENT_PLEDGES("承诺事项", "Pledges"),
    EFFECTIVE("有效期", "In effect"),
    EVIDENCE("账本证据", "Ledger evidence"),
    TX_ID("交易号", "Transaction"),
    BLOCK("区块", "Block"),
    RECORDED_AT("记录时间", "Recorded"),
    // The dashboard (DashboardPage).
    NAV_DASHBOARD("监管指标", "Indicators"),
    DASHBOARD_TITLE("计量监管指标", "Supervision indicators"),
    DASH_REGION("大区", "Region"),
    DASH_PROVINCE("省份", "Province"),
    DASH_CATEGORY("器具类别", "Instrument category"),
    DASH_ENTITY_CATEGORY("经营者类别", "Entity category"),
    DASH_AT("截至日期", "As of"),
    DASH_SINCE("信用对比日期", "Credit compared with"),
    DASH_ALL("全部", "All"),
    DASH_SHOW("查看", "Show"),
    DASH_AS_OF("数据截至 %s（UTC 日末）", "Figures as at the end of %s (UTC)"),
    DASH_COVERAGE("强制检定覆盖率", "Mandatory-verification coverage"),
    DASH_TARGET("目标 %s", "target %s"),
    DASH_MET("已达到目标", "target met"),
    DASH_BELOW("低于目标", "below target"),
    DASH_NO_INSTRUMENTS("没有登记的强检器具", "no mandatory instruments registered"),
    DASH_MANDATORY("强检器具", "Mandatory instruments"),
    DASH_COVERED("检定合格且在有效期内", "With a current PASS verification"),
    DASH_OVERDUE("逾期未检", "Overdue"),
    DASH_EXPIRING("即将到期的检定证书", "Verification certificates expiring"),
    DASH_WITHIN("%d 天内", "within %d days"),
    DASH_PASS_RATES("检定合格率（按月）", "Verification pass rate by month"),
    DASH_TESTED("检定数", "Verified"),
    DASH_PASSED("合格数", "Passed"),
    DASH_RATE("合格率", "Pass rate"),
    DASH_MONTH("月份", "Month"),
    DASH_CREDIT("计量信用等级分布", "Entities by credit grade"),
    DASH_GRADE("等级", "Grade"),
    DASH_ENTITIES_NOW("截至日期", "As of"),
    DASH_ENTITIES_SINCE("对比日期", "Compared with"),
    DASH_CHANGE("变化", "Change"),
    DASH_PLACES("分地区", "By place"),
    DASH_PLACE("地区", "Place"),
    DASH_OVERDUE_LIST("逾期器具名单", "Overdue instruments by name"),
    DASH_OVERDUE_SIGN_IN(
            "逾期器具名单仅对监管执法人员和中心管理员开放：请登录后查看。",
            "The names are for inspectors and centre admins only: sign in to see them."),
    DASH_OVERDUE_SINCE("逾期起始", "Overdue since"),
    DASH_OVERDUE_DAYS("逾期天数", "Days overdue"),
    DASH_OVERDUE_SHOWN("共 %d 台，显示前 %d 台", "%d in all, the first %d shown"),
    DASH_HOW("计算依据", "How it is counted"),
    DASH_HOW_TEXT(
            "覆盖率 = 截至当日有检定合格、已签发、未过期且未被撤销或替代的检定证书的强检器具数 ÷ 截至当日登记的强检器具数。" + "数据来自各记录写入时由链码维护的按日计数，任何人可用复核命令从全部记录重新计算。",
            "Coverage = mandatory instruments with a PASS verification certificate issued, unexpired and neither"
                    + " revoked nor superseded at the day, divided by the mandatory instruments registered by then."
                    + " The chaincode keeps day-by-day tallies as each record is written; the recount command counts"
                    + " everything again from the records."),
    CLAIMS("二维码自称的内容（未经证实）", "What the QR code claims (unverified)"),
    UNAVAILABLE("暂无", "not available"),
    INSPECT_TITLE("经营者计量信用", "Entity metrology credit"),
    SCORE_OVER_TIME("信用分变化", "Score over time"),
    EVENTS("信用事件", "Credit events"),
    EVENT_TYPE("类型", "Type"),
    OCCURRED_AT("发生时间", "Occurred"),
    POINTS("分值", "Points"),
    REPAIRED("已修复", "repaired"),
    COMMITMENTS("承诺记录", "Commitments"),
    SIGN_IN("登录", "Sign in"),
    SIGN_OUT("退出", "Sign out"),
    SIGN_IN_TITLE("监管人员登录", "Inspector sign-in"),
    SIGN_IN_TOKEN("访问令牌", "Access token"),
    SIGN_IN_FAILED("令牌无效。", "That token is not valid."),
    ENTITY_ID("统一社会信用代码", "Unified social credit code"),
    OPEN("查看", "Open"),
    FORBIDDEN("您的身份无权查看此页。", "Your identity may not see this page."),
    NOT_FOUND("未找到。", "Not found."),
    RECOGNITION_TITLE("跨区域互认查询", "Cross-region recognition"),
    REGION("地区", "Region"),
    ASK("查询", "Check"),
    RECOGNISED("予以互认", "RECOGNISED"),
    NOT_RECOGNISED("不予互认", "NOT RECOGNISED"),
    REASONS("理由", "Reasons"),
    LEDGER_TITLE("账本", "Ledger"),
    HEIGHT("区块高度", "Height"),
    RECENT_BLOCKS("最近区块", "Recent blocks"),
    HASH("哈希", "Hash"),
    FUNCTION("函数", "Function"),
    CREATOR("提交组织", "Creator"),
    VALIDATION("验证结果", "Validation"),
    TIME("时间", "Time"),
    BACKEND("后端", "Backend"),
    PROBLEM("出错了", "Something went wrong"),
    NAV_HOME("首页", "Home"),
    HOME_TITLE("查询计量证书、器具和经营者", "Look up a certificate, an instrument or an entity"),
    HOME_INTRO(
            "扫描计量器具标签上的二维码即可核验证书；也可以在下面按编号查询账本中的记录。",
            "Scan the QR code on an instrument's label to verify its certificate, or look up a record on the ledger by its number below."),
    LOOK_UP("查询", "Look up"),
    LOOK_UP_CERTIFICATE("按证书编号查询", "A certificate by its number"),
    LOOK_UP_INSTRUMENT("按器具编号查询", "An instrument by its id"),
    LOOK_UP_ENTITY("按统一社会信用代码查询经营者", "An entity by its unified social credit code"),
    INSTRUMENT_ID("器具编号", "Instrument id"),
    MORE_PAGES("更多", "More"),
    RECOGNITION_EXPLAIN("一张证书能否在另一地区使用", "Whether a certificate counts in another region"),
    LEDGER_EXPLAIN("最近区块与交易", "Recent blocks and transactions"),
    DASHBOARD_EXPLAIN(
            "强制检定覆盖率、超期器具、即将到期证书、合格率与信用等级",
            "Mandatory-verification coverage, overdue instruments, expiring certificates, pass rates and credit grades"),
    INSPECT_EXPLAIN("信用事件与评分历史（需登录）", "Credit events and score history (sign-in)"),
    BY_NUMBER_NOTE(
            "按编号查询只显示账本的记录；要确认手中的纸质证书是真的，请扫描其二维码。",
            "A look-up by number shows what the ledger records; to check that a paper in your hand is genuine, scan its QR code."),
    VERDICT_LEDGER_BAD_EXPLAIN("账本中的这张证书目前不能作为有效证明。", "On the ledger this certificate is not valid proof now."),
    INSTRUMENT_TITLE("计量器具", "Instrument"),
    MANDATORY("强制检定", "Mandatory verification"),
    YES("是", "yes"),
    NO("否", "no"),
    CATEGORY("类别", "Category"),
    CERTIFICATES("证书", "Certificates"),
    CERTIFICATES_NONE("账本中没有这件器具的证书。", "The ledger holds no certificate of this instrument."),
    STATUS("状态", "Status"),
    ENTITY_TITLE("经营者", "Entity"),
    INSPECTOR_VIEW("监管人员查看信用事件", "Inspectors: credit events"),
    // The capability catalogue (/catalogue).
    NAV_CATALOGUE("能力目录", "Capability catalogue"),
    CATALOGUE_TITLE("计量能力目录", "Capability catalogue"),
    CATALOGUE_EXPLAIN("哪些机构能校准或检定什么、在哪里", "Which labs can calibrate or verify what, where"),
    CATALOGUE_INTRO(
            "按类别或量、测量范围和地区查找获认可的校准和检定机构。只列出状态有效、认可在有效期内的机构。",
            "Find accredited calibration and verification labs by category or quantity, measuring range and region. "
                    + "Only active labs whose accreditation is in force are listed."),
    QUANTITY("量", "Quantity"),
    MEASURING_RANGE("测量范围", "Measuring range"),
    YOUR_REGION("您所在地区（结果是否被互认）", "Your region (do the results count there)"),
    LAB_REGION("机构所在地区", "Lab's region"),
    ANY_REGION("不限", "any"),
    SEARCH("查找", "Search"),
    CAPABILITY("能力", "Capability"),
    CMC("校准测量能力（CMC）", "Calibration and measurement capability (CMC)"),
    AUTHORISATIONS("法定计量检定授权", "Legal-verification authorisations"),
    AUTHORISATIONS_NONE("无", "none"),
    COUNTS_IN("结果被互认：", "Results count in"),
    NOT_COUNTS_IN("结果不被互认：", "Results do not count in"),
    CATALOGUE_NONE("没有符合条件的机构。", "No lab matches."),
    NEXT_PAGE("下一页", "Next page"),
    // The words for the ledger's enum values and check names (term()), so no page shows
    // VERIFICATION, ACTIVE or token-signature to a reader of Chinese.
    // Certificate kinds and subjects.
    TERM_VERIFICATION("检定", "verification"),
    TERM_CALIBRATION("校准", "calibration"),
    TERM_INSTRUMENT("计量器具", "instrument"),
    TERM_STANDARD("计量标准", "measurement standard"),
    // Statuses of certificates, labs and commitments.
    TERM_ACTIVE("有效", "active"),
    TERM_SUPERSEDED("已被替代", "superseded"),
    TERM_REVOKED("已撤销", "revoked"),
    TERM_SUSPENDED("已暂停", "suspended"),
    TERM_WITHDRAWN("已撤回", "withdrawn"),
    TERM_BREACHED("已违背", "breached"),
    // Entity categories.
    TERM_FUEL_STATION("加油站", "fuel station"),
    TERM_MARKET("集贸市场", "market"),
    TERM_OPTICAL_SHOP("眼镜店", "optical shop"),
    TERM_HOSPITAL("医疗机构", "hospital"),
    TERM_UTILITY("供水供电供气单位", "utility"),
    TERM_MANUFACTURER("生产企业", "manufacturer"),
    TERM_TAXI_COMPANY("出租汽车公司", "taxi company"),
    TERM_OTHER("其他", "other"),
    // The checks of a verification (the ledger's, then the QR token's).
    TERM_EXISTS("证书存在", "certificate exists"),
    TERM_DIGEST("内容摘要一致", "document digest"),
    TERM_SIGNATURE("机构签名", "lab signature"),
    TERM_REVOCATION("未被撤销", "not revoked"),
    TERM_SUPERSESSION("未被替代", "not superseded"),
    TERM_VALIDITY("在有效期内", "within validity"),
    TERM_ACCREDITATION("机构认可有效", "lab accredited"),
    TERM_TRACEABILITY("量值溯源完整", "traceability chain"),
    TERM_TOKEN_SIGNATURE("二维码签名", "QR code signature"),
    TERM_TOKEN_MATCHES_LEDGER("二维码与账本一致", "QR code matches ledger"),
    // The reasons of a recognition answer.
    TERM_ISSUER("签发机构", "issuing lab"),
    TERM_OWN_REGION("本地区签发", "issued in the region"),
    TERM_AGREEMENT("互认协议", "recognition agreement"),
    TERM_VERDICT("证书结论", "certificate verdict"),
    // Transaction validation codes on the ledger page.
    TERM_VALID("有效", "valid"),
    TERM_MVCC_READ_CONFLICT("读写冲突", "read conflict"),
    TERM_PHANTOM_READ_CONFLICT("幻读冲突", "phantom read conflict"),
    TERM_ENDORSEMENT_POLICY_FAILURE("背书策略不满足", "endorsement policy failure"),
    TERM_DUPLICATE_TXID("交易号重复", "duplicate transaction id");

    private final String zh;
    private final String en;

    Text(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    /** The phrase for a verdict name, or the name itself for one this page does not know. */
    static String verdict(String verdict, Lang lang) {
        try {
            return valueOf("VERDICT_" + verdict).in(lang);
        } catch (IllegalArgumentException e) {
            return verdict;
        }
    }

    /**
     * The word for a ledger value (an enum constant, a check or reason name) in the page's
     * language: the constant TERM_ and the value upper-cased with '-' as '_'; a value this list
     * does not know is shown as it is.
     */
    static String term(String value, Lang lang) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        try {
            return valueOf("TERM_" + value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                    .in(lang);
        } catch (IllegalArgumentException unknown) {
            return value;
        }
    }

    static String conformity(String conformity, Lang lang) {
        return switch (conformity == null ? "" : conformity) {
            case "PASS" -> PASS.in(lang);
            case "FAIL" -> FAIL.in(lang);
            case "NONE" -> NONE.in(lang);
            default -> conformity;
        };
    }
}
