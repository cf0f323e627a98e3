// Failure reasons: normalization of error texts, grouping with counts, first/last seen and
// examples, the bound on distinct groups, and the Logs Insights pattern of a reason.
#include "report/failuregroups.h"

#include <QRegularExpression>
#include <QTest>

using namespace syncdeck::report;

class TestFailureGroups : public QObject
{
    Q_OBJECT
private slots:
    void normalize_data();
    void normalize();
    void sameReason_data();
    void sameReason();
    void grouping();
    void boundedGroups();
    void patternMatchesItsTexts_data();
    void patternMatchesItsTexts();
};

void TestFailureGroups::normalize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("file and size") << "File abc.pdf exceeds 50 MB"
                                   << "File <file> exceeds <n> MB";
    QTest::newRow("quoted")
        << "Unsupported file type 'application/x-msdownload' for \"setup 1.exe\""
        << "Unsupported file type <text> for <text>";
    QTest::newRow("url") << "Could not fetch https://example.sharepoint.com/sites/a/b.docx?x=1: 404"
                         << "Could not fetch <url>: <n>";
    QTest::newRow("uuid") << "Principal 0b5f2d7c-1111-4222-8333-444455556666 not found"
                          << "Principal <id> not found";
    QTest::newRow("path") << "Access denied on /shared/finance/q3/report.xlsx."
                          << "Access denied on <path>.";
    QTest::newRow("windows path") << "Cannot open C:\\data\\x.txt"
                                  << "Cannot open <path>";
    QTest::newRow("email") << "User alice@example.com has no access"
                           << "User <email> has no access";
    QTest::newRow("units glued") << "Timeout after 30000ms (attempt #3)"
                                 << "Timeout after <n>ms (attempt #<n>)";
    QTest::newRow("mixed id") << "Item AAMkAGI2TG93AAA= failed"
                              << "Item <id> failed";
    QTest::newRow("white space") << "  Throttled \n by   the source  "
                                 << "Throttled by the source";
    QTest::newRow("apostrophe is not a quote") << "The document's ACL can't be read"
                                               << "The document's ACL can't be read";
    QTest::newRow("markup kept as text") << "<b>Error</b> 5"
                                         << "<b>Error</b> <n>";
    QTest::newRow("empty") << ""
                           << "";
}

void TestFailureGroups::normalize()
{
    QFETCH(QString, text);
    QTEST(normalizeErrorMessage(text), "reason");
}

void TestFailureGroups::sameReason_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("sizes") << "File abc.pdf exceeds 50 MB"
                           << "File x.docx exceeds 50 MB";
    QTest::newRow("different numbers") << "Rate exceeded after 3 retries"
                                       << "Rate exceeded after 12 retries";
    QTest::newRow("different paths") << "Access denied on /a/b/c.txt"
                                     << "Access denied on /z/y.pdf";
    QTest::newRow("word and number, any length") << "Document report-8 is password protected"
                                                 << "Document report-123456 is password protected";
    QTest::newRow("hex ids") << "Blob 9f86d081884c7d659a2feaa0c55ad015 missing"
                             << "Blob e3b0c44298fc1c149afbf4c8996fb924 missing";
}

void TestFailureGroups::sameReason()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(normalizeErrorMessage(a), normalizeErrorMessage(b));
}

void TestFailureGroups::grouping()
{
    FailureGroups g;
    QCOMPARE(g.add(DocumentStatus::Failed, QStringLiteral("File abc.pdf exceeds 50 MB"),
                   QStringLiteral("doc-1"), 3000),
             0);
    QCOMPARE(g.add(DocumentStatus::Failed, QStringLiteral("File x.docx exceeds 50 MB"),
                   QStringLiteral("doc-2"), 1000),
             0);
    QCOMPARE(g.add(DocumentStatus::Skipped, QStringLiteral("File y.docx exceeds 50 MB"),
                   QStringLiteral("doc-3"), 2000),
             1); // the same text as a skip is its own group
    QCOMPARE(g.add(DocumentStatus::Failed, QString(), QStringLiteral("doc-4"), 5000), 2);
    QCOMPARE(g.add(DocumentStatus::Succeeded, QStringLiteral("x"), QStringLiteral("doc-5"), 1), -1);
    for (int i = 0; i < 5; ++i)
        g.add(DocumentStatus::Failed, QStringLiteral("File f%1.pdf exceeds 50 MB").arg(i),
              QStringLiteral("doc-1"), 4000 + i);
    const FailureGroup &size = g.groups().at(0);
    QCOMPARE(size.reason, QStringLiteral("File <file> exceeds <n> MB"));
    QCOMPARE(size.exampleMessage, QStringLiteral("File abc.pdf exceeds 50 MB"));
    QCOMPARE(size.count, 7);
    QCOMPARE(size.firstSeen, 1000);
    QCOMPARE(size.lastSeen, 4004);
    QCOMPARE(size.exampleDocuments,
             (QStringList {QStringLiteral("doc-1"), QStringLiteral("doc-2")}));
    QCOMPARE(g.groups().at(2).reason, FailureGroups::noMessage());
    QCOMPARE(g.byCount().first(), 0);
    QCOMPARE(g.documents(DocumentStatus::Failed), 8);
    QCOMPARE(g.documents(DocumentStatus::Skipped), 1);
    QCOMPARE(g.indexOf(DocumentStatus::Skipped, size.reason), 1);
    QCOMPARE(g.indexOf(DocumentStatus::Failed, QStringLiteral("nope")), -1);
}

void TestFailureGroups::boundedGroups()
{
    FailureGroups g;
    // Distinct words (no digits, so each text is its own reason).
    const auto word = [](int i) {
        QString w;
        for (int k = 0; k < 3; ++k, i /= 26)
            w += QChar(u'a' + i % 26);
        return w;
    };
    for (int i = 0; i < FailureGroups::MaxGroups + 100; ++i)
        g.add(DocumentStatus::Failed, QStringLiteral("Reason ") + word(i), QStringLiteral("d"), i);
    QVERIFY(g.groups().size() <= FailureGroups::MaxGroups + 1);
    qint64 total = 0;
    for (const FailureGroup &grp : g.groups())
        total += grp.count;
    QCOMPARE(total, qint64(FailureGroups::MaxGroups + 100)); // nothing dropped: counted as other
    QVERIFY(g.indexOf(DocumentStatus::Failed, FailureGroups::otherReasons()) >= 0);
}

void TestFailureGroups::patternMatchesItsTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("file") << "File abc.pdf exceeds 50 MB";
    QTest::newRow("quoted and path") << "Can't read 'x y' at /a/b (code 7)";
    QTest::newRow("regex characters") << "Bad value [a-z]+ (x|y) ^$ in field 3";
    QTest::newRow("url") << "GET https://h/a?b=c failed with 503";
}

void TestFailureGroups::patternMatchesItsTexts()
{
    QFETCH(QString, text);
    const QString reason = normalizeErrorMessage(text);
    const QRegularExpression re(reasonPattern(reason));
    QVERIFY2(re.isValid(), qPrintable(re.errorString()));
    QVERIFY2(re.match(text).hasMatch(), qPrintable(reasonPattern(reason)));
    QVERIFY(!re.match(QStringLiteral("something else entirely")).hasMatch());
}

QTEST_GUILESS_MAIN(TestFailureGroups)
#include "tst_failuregroups.moc"
