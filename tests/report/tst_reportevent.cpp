// The report event parser, data-driven: the shapes Amazon Q Business writes (as far as they are
// known), the older error streams, group membership, and every kind of bad input.
#include "report/reportevent.h"

#include <QJsonDocument>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::report;

namespace {
const QString ReportStream = QStringLiteral("SYNC_RUN_HISTORY_REPORT/ds/exec");
const QString LegacyStream
    = QStringLiteral("d3333333-3333-4333-8333-333333333333/2024-05-01/errors");
const QString MembershipStream = QStringLiteral("GROUP_MEMBERSHIP/ds/exec");

logs::LogEvent envelope(const QString &stream, const QString &message)
{
    logs::LogEvent e;
    e.logStreamName = stream;
    e.timestamp = 1714564800123;
    e.ingestionTime = 1714564801000;
    e.eventId = QStringLiteral("37000000000000000000000000000000000000000000000000000001");
    e.message = message;
    return e;
}
} // namespace

class TestReportEvent : public QObject
{
    Q_OBJECT
private slots:
    void documents_data();
    void documents();
    void aclAndMetadata_data();
    void aclAndMetadata();
    void legacyErrors();
    void groupMembership_data();
    void groupMembership();
    void unreadable_data();
    void unreadable();
    void wrongTypesAreProblemsNotLosses();
    void unknownMembersKept();
    void streamKinds_data();
    void streamKinds();
    void statusWire_data();
    void statusWire();
};

void TestReportEvent::documents_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("derived");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("crawl");
    QTest::addColumn<QString>("index");
    QTest::newRow("failed, stages as objects")
        << R"({"DocumentId":"s3://b/a.pdf","DocumentTitle":"a.pdf","SourceUri":"https://b.s3.amazonaws.com/a.pdf","CrawlAction":"ADD","ConnectorDocumentStatus":{"Status":"FAILED"},"CrawlStatus":{"Status":"SUCCESS"},"SyncStatus":{"Status":"SUCCESS"},"IndexStatus":{"Status":"FAILED","Reason":"size"},"ErrorMsg":"File a.pdf exceeds 50 MB","HashedDocumentId":"abc"})"
        << int(DocumentStatus::Failed) << false << "File a.pdf exceeds 50 MB"
        << "SUCCESS"
        << "FAILED";
    QTest::newRow("succeeded, stages as strings")
        << R"({"DocumentId":"d1","ConnectorDocumentStatus":{"Status":"SUCCESS"},"CrawlStatus":"SUCCESS","SyncStatus":"SUCCESS","IndexStatus":"SUCCESS"})"
        << int(DocumentStatus::Succeeded) << false << QString() << "SUCCESS"
        << "SUCCESS";
    QTest::newRow("skipped, status a plain string")
        << R"({"DocumentId":"d2","ConnectorDocumentStatus":"SKIPPED","ErrorMsg":"Unsupported file type .exe"})"
        << int(DocumentStatus::Skipped) << false << "Unsupported file type .exe" << QString()
        << QString();
    QTest::newRow("no overall status, a failed stage")
        << R"({"DocumentId":"d3","CrawlStatus":{"Status":"SUCCESS"},"IndexStatus":{"Status":"FAILED"}})"
        << int(DocumentStatus::Failed) << true << QString() << "SUCCESS"
        << "FAILED";
    QTest::newRow("no status at all, an error")
        << R"({"DocumentId":"d4","ErrorMsg":"Access denied"})" << int(DocumentStatus::Failed)
        << true << "Access denied" << QString() << QString();
    QTest::newRow("no status, all stages succeeded")
        << R"({"DocumentId":"d5","CrawlStatus":"SUCCESS","SyncStatus":"SUCCESS","IndexStatus":"SUCCESS"})"
        << int(DocumentStatus::Succeeded) << true << QString() << "SUCCESS"
        << "SUCCESS";
    QTest::newRow("a status SyncDeck does not know")
        << R"({"DocumentId":"d6","ConnectorDocumentStatus":{"Status":"QUARANTINED"}})"
        << int(DocumentStatus::Unknown) << false << QString() << QString() << QString();
    QTest::newRow("lower-case status")
        << R"({"DocumentId":"d7","ConnectorDocumentStatus":{"status":"failed"}})"
        << int(DocumentStatus::Failed) << false << QString() << QString() << QString();
}

void TestReportEvent::documents()
{
    QFETCH(QString, message);
    const ReportEvent e = parseReportEvent(envelope(ReportStream, message));
    QCOMPARE(e.kind, EventKind::Document);
    QTEST(int(e.status), "status");
    QTEST(e.statusDerived, "derived");
    QTEST(e.errorMessage, "error");
    QTEST(e.crawlStatus.status, "crawl");
    QTEST(e.indexStatus.status, "index");
    QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u';')));
    QCOMPARE(e.message, message); // verbatim
    QCOMPARE(e.messageBytes, message.toUtf8().size());
    QCOMPARE(e.timestamp, 1714564800123);
    QCOMPARE(e.ingestionTime, 1714564801000);
    QCOMPARE(e.logStreamName, ReportStream);
    QVERIFY(!e.documentId.isEmpty());
    if (QTest::currentDataTag() == QByteArrayView("failed, stages as objects")) {
        QCOMPARE(e.documentTitle, QStringLiteral("a.pdf"));
        QCOMPARE(e.sourceUri, QStringLiteral("https://b.s3.amazonaws.com/a.pdf"));
        QCOMPARE(e.crawlAction, QStringLiteral("ADD"));
        QCOMPARE(e.hashedDocumentId, QStringLiteral("abc"));
        QCOMPARE(e.statusWire, QStringLiteral("FAILED"));
        QCOMPARE(e.indexStatus.detail, QString::fromUtf8(R"({"Reason":"size"})"));
    }
}

void TestReportEvent::aclAndMetadata_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("aclEntries");
    QTest::addColumn<QString>("metadataKey");
    QTest::addColumn<QString>("problem");
    QTest::newRow("strings holding JSON")
        << R"({"DocumentId":"d","Acl":"[{\"globalName\":\"alice@example.com\",\"name\":\"alice\",\"type\":\"USER\",\"access\":\"ALLOW\"},{\"name\":\"eng\",\"type\":\"GROUP\",\"access\":\"ALLOW\"}]","Metadata":"{\"_category\":\"pdf\"}"})"
        << 2 << "_category" << QString();
    QTest::newRow("JSON itself")
        << R"({"DocumentId":"d","Acl":[{"name":"bob","type":"USER","access":"DENY"}],"Metadata":{"author":"x"}})"
        << 1 << "author" << QString();
    QTest::newRow("Acl string that is not JSON") << R"({"DocumentId":"d","Acl":"alice, bob"})" << 0
                                                 << QString() << "Acl is a string that is not JSON";
    QTest::newRow("Acl an object") << R"({"DocumentId":"d","Acl":{"name":"bob"}})" << 0 << QString()
                                   << "Acl is an object, expected a JSON array";
    QTest::newRow("Metadata a number") << R"({"DocumentId":"d","Metadata":42})" << 0 << QString()
                                       << "Metadata is a number, expected a JSON object";
    QTest::newRow("empty Acl string")
        << R"({"DocumentId":"d","Acl":""})" << 0 << QString() << QString();
}

void TestReportEvent::aclAndMetadata()
{
    QFETCH(QString, message);
    QFETCH(int, aclEntries);
    QFETCH(QString, metadataKey);
    QFETCH(QString, problem);
    const ReportEvent e = parseReportEvent(envelope(ReportStream, message));
    QCOMPARE(e.kind, EventKind::Document);
    QCOMPARE(e.acl.size(), aclEntries);
    if (!metadataKey.isEmpty())
        QVERIFY(e.metadata.contains(metadataKey));
    if (problem.isEmpty()) {
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u';')));
    } else {
        QCOMPARE(e.problems.size(), 1);
        QVERIFY2(e.problems.first().contains(problem), qPrintable(e.problems.first()));
        // Nothing lost: the member stays, verbatim, among the other members.
        QVERIFY(!e.otherMembers.isEmpty());
    }
    if (aclEntries == 2) {
        QCOMPARE(e.acl.first(),
                 (AclEntry {QStringLiteral("alice@example.com"), QStringLiteral("alice"),
                            QStringLiteral("USER"), QStringLiteral("ALLOW")}));
        QCOMPARE(e.acl.last().globalName, QString());
    }
}

void TestReportEvent::legacyErrors()
{
    const QString message = QStringLiteral(
        R"({"DocumentId":"doc-9","ErrorCode":"InvalidRequest","ErrorMessage":"The document is larger than 50 MB.","LogLevel":"ERROR","SourceURI":"https://x/doc-9"})");
    const ReportEvent e = parseReportEvent(envelope(LegacyStream, message));
    QCOMPARE(e.kind, EventKind::LegacyError);
    QCOMPARE(e.status, DocumentStatus::Failed);
    QVERIFY(e.statusDerived);
    QCOMPARE(e.documentId, QStringLiteral("doc-9"));
    QCOMPARE(e.errorCode, QStringLiteral("InvalidRequest"));
    QCOMPARE(e.errorMessage, QStringLiteral("The document is larger than 50 MB."));
    QCOMPARE(e.logLevel, QStringLiteral("ERROR"));
    QCOMPARE(e.sourceUri, QStringLiteral("https://x/doc-9"));
    QVERIFY(e.problems.isEmpty());
    // A warning is a skipped document; the shape decides even in a stream of another name.
    const ReportEvent w = parseReportEvent(
        envelope(QStringLiteral("other"),
                 QString::fromUtf8(R"({"DocumentId":"d","LogLevel":"WARN","ErrorMessage":"x"})")));
    QCOMPARE(w.kind, EventKind::LegacyError);
    QCOMPARE(w.status, DocumentStatus::Skipped);
}

void TestReportEvent::groupMembership_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("memberFederated"); // -1 absent, 0, 1
    QTest::addColumn<int>("groupFederated");
    QTest::addColumn<int>("problems");
    QTest::newRow("strings TRUE/FALSE")
        << R"({"groupName":"eng","memberName":"alice","memberGlobalName":"alice@example.com","memberType":"USER","isMemberFederated":"TRUE","isGroupFederated":"FALSE"})"
        << 1 << 0 << 0;
    QTest::newRow("booleans")
        << R"({"groupName":"eng","memberName":"ops","memberType":"GROUP","isMemberFederated":false})"
        << 0 << -1 << 0;
    QTest::newRow("something else")
        << R"({"groupName":"eng","memberName":"x","isMemberFederated":"maybe"})" << -1 << -1 << 1;
}

void TestReportEvent::groupMembership()
{
    QFETCH(QString, message);
    QFETCH(int, memberFederated);
    QFETCH(int, groupFederated);
    const ReportEvent e = parseReportEvent(envelope(MembershipStream, message));
    QCOMPARE(e.kind, EventKind::GroupMembership);
    QCOMPARE(e.membership.groupName, QStringLiteral("eng"));
    const auto tri = [](const std::optional<bool> &b) { return b ? int(*b) : -1; };
    QCOMPARE(tri(e.membership.isMemberFederated), memberFederated);
    QCOMPARE(tri(e.membership.isGroupFederated), groupFederated);
    QTEST(int(e.problems.size()), "problems");
    QCOMPARE(e.status, DocumentStatus::Unknown);
}

void TestReportEvent::unreadable_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("problem");
    QTest::newRow("plain text") << QByteArray("ERROR something broke") << "not JSON";
    QTest::newRow("truncated JSON") << QByteArray(R"({"DocumentId":"d)") << "not JSON";
    QTest::newRow("an array") << QByteArray(R"([1,2])") << "a JSON array, not an object";
    QTest::newRow("a number") << QByteArray("42") << "a JSON value, not an object";
    QTest::newRow("empty") << QByteArray("") << "empty";
    QTest::newRow("blank") << QByteArray("   \n") << "empty";
    QTest::newRow("1 MB message") << QByteArray(R"({"DocumentId":"d","x":")")
            + QByteArray(1024 * 1024, 'a')
            + QByteArray(R"("})") << "larger than any report event";
    QTest::newRow("markup") << QByteArray("<b>bold</b><script>alert(1)</script>") << "not JSON";
}

void TestReportEvent::unreadable()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, problem);
    const logs::LogEvent env = envelope(ReportStream, QString::fromUtf8(message));
    const ReportEvent e = parseReportEvent(env);
    QCOMPARE(e.kind, EventKind::Unreadable);
    QVERIFY(e.isUnreadable());
    QCOMPARE(e.problems.size(), 1);
    QVERIFY2(e.problems.first().contains(problem), qPrintable(e.problems.first()));
    QCOMPARE(e.message, QString::fromUtf8(message)); // kept, whole
    QCOMPARE(e.messageBytes, message.size());
    QCOMPARE(e.eventId, env.eventId);
    QCOMPARE(e.status, DocumentStatus::Unknown);
}

void TestReportEvent::wrongTypesAreProblemsNotLosses()
{
    const QString message = QStringLiteral(
        R"({"DocumentId":12345,"DocumentTitle":{"text":"t"},"ErrorMsg":true,"ConnectorDocumentStatus":["FAILED"],"CrawlStatus":7})");
    const ReportEvent e = parseReportEvent(envelope(ReportStream, message));
    QCOMPARE(e.kind, EventKind::Document);
    QCOMPARE(e.documentId, QStringLiteral("12345")); // a scalar reads as its text
    QCOMPARE(e.errorMessage, QStringLiteral("true"));
    QVERIFY(e.documentTitle.isEmpty());
    QStringList expected = {QStringLiteral("DocumentId is a number, expected a string"),
                            QStringLiteral("DocumentTitle is an object, expected a string"),
                            QStringLiteral("ErrorMsg is a boolean, expected a string"),
                            QStringLiteral("CrawlStatus is a number, expected an object or a "
                                           "string"),
                            QStringLiteral("ConnectorDocumentStatus is an array, expected an "
                                           "object or a string")};
    for (const QString &p : std::as_const(expected))
        QVERIFY2(e.problems.contains(p), qPrintable(e.problems.join(QStringLiteral(" | "))));
    // Every wrong-typed member is still there, verbatim.
    for (const char *key : {"DocumentId", "DocumentTitle", "ErrorMsg"})
        QVERIFY2(e.otherMembers.contains(QLatin1String(key)), key);
    QCOMPARE(e.status, DocumentStatus::Failed); // derived from the error text
}

void TestReportEvent::unknownMembersKept()
{
    const QString message = QStringLiteral(
        R"({"DocumentId":"d","ConnectorDocumentStatus":{"Status":"SUCCESS"},"NewField":{"a":[1,2]},"Another":"x"})");
    const ReportEvent e = parseReportEvent(envelope(ReportStream, message));
    QVERIFY(e.problems.isEmpty());
    QCOMPARE(e.otherMembers.size(), 2);
    QCOMPARE(QJsonDocument(e.otherMembers.value(QLatin1String("NewField")).toObject())
                 .toJson(QJsonDocument::Compact),
             QByteArray(R"({"a":[1,2]})"));
    QCOMPARE(e.otherMembers.value(QLatin1String("Another")).toString(), QStringLiteral("x"));
}

void TestReportEvent::streamKinds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::newRow("report") << ReportStream << int(StreamKind::RunReport);
    QTest::newRow("membership") << MembershipStream << int(StreamKind::GroupMembership);
    QTest::newRow("legacy") << LegacyStream << int(StreamKind::LegacyErrors);
    QTest::newRow("other") << QStringLiteral("something/else") << int(StreamKind::Unknown);
}

void TestReportEvent::streamKinds()
{
    QFETCH(QString, name);
    QTEST(int(streamKindOf(name)), "kind");
}

void TestReportEvent::statusWire_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<int>("status");
    QTest::newRow("SUCCESS") << "SUCCESS" << int(DocumentStatus::Succeeded);
    QTest::newRow("SUCCEEDED") << "SUCCEEDED" << int(DocumentStatus::Succeeded);
    QTest::newRow("FAILED") << "FAILED" << int(DocumentStatus::Failed);
    QTest::newRow("Skipped") << "Skipped" << int(DocumentStatus::Skipped);
    QTest::newRow("blank") << " " << int(DocumentStatus::Unknown);
    QTest::newRow("other") << "RUNNING" << int(DocumentStatus::Unknown);
}

void TestReportEvent::statusWire()
{
    QFETCH(QString, wire);
    QFETCH(int, status);
    QCOMPARE(int(documentStatusFromWire(wire)), status);
    if (status != int(DocumentStatus::Unknown))
        QCOMPARE(documentStatusFromWire(documentStatusToWire(DocumentStatus(status))),
                 DocumentStatus(status));
}

QTEST_GUILESS_MAIN(TestReportEvent)
#include "tst_reportevent.moc"
