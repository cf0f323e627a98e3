// ListDocuments (the documents' current states, the fallback without CloudWatch Logs) over real
// TCP: the exact request shape, signing, the codec and the paginator.
#include "aws/credentialsprovider.h"
#include "fakeqbusiness.h"
#include "qbusiness/client.h"
#include "qbusiness/documentcodec.h"
#include "qbusiness/paginator.h"
#include "rawhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::qbusiness;
using syncdeck::test::FakeQBusiness;
using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;

namespace {
aws::Credentials credentials()
{
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(FakeQBusiness::AccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(FakeQBusiness::SecretAccessKey));
    return c;
}

// Documents d0..d(n-1), `pageSize` a page, tokens with + / =; signatures checked.
RawHttpServer::Handler documentsHandler(int n, int *signatureFailures)
{
    return [n, signatureFailures](const RawHttpRequest &r) {
        if (!syncdeck::test::checkSigV4(r, credentials(),
                                        QString::fromLatin1(FakeQBusiness::Region),
                                        QStringLiteral("qbusiness"))
                 .isEmpty()) {
            ++*signatureFailures;
            return RawHttpReply::awsError(403, "InvalidSignatureException", "bad signature");
        }
        int start = 0;
        int pageSize = 100;
        for (const QByteArray &pair : r.query.split('&')) {
            const QByteArray key = pair.left(pair.indexOf('='));
            const QByteArray value
                = QByteArray::fromPercentEncoding(pair.mid(pair.indexOf('=') + 1));
            if (key == "nextToken")
                start = QByteArray::fromBase64(value).mid(3).toInt();
            if (key == "maxResults")
                pageSize = value.toInt();
        }
        static const char *const Statuses[]
            = {"INDEXED", "FAILED", "DOCUMENT_FAILED_TO_INDEX", "PROCESSING", "NEW_STATUS"};
        QJsonArray list;
        for (int i = start; i < std::min(n, start + pageSize); ++i) {
            QJsonObject d {{QStringLiteral("documentId"), QStringLiteral("s3://b/d%1.pdf").arg(i)},
                           {QStringLiteral("status"), QLatin1String(Statuses[i % 5])},
                           {QStringLiteral("createdAt"), 1714564800.5},
                           {QStringLiteral("updatedAt"), QStringLiteral("2024-05-01T12:30:00Z")}};
            if (i % 5 == 1 || i % 5 == 2)
                d.insert(QStringLiteral("error"),
                         QJsonObject {
                             {QStringLiteral("errorCode"), QStringLiteral("InvalidRequest")},
                             {QStringLiteral("errorMessage"), QStringLiteral("File too large")}});
            list.append(d);
        }
        QJsonObject body {{QStringLiteral("documentDetailList"), list}};
        if (start + pageSize < n)
            body.insert(QStringLiteral("nextToken"),
                        QString::fromLatin1(
                            QByteArray("~?>" + QByteArray::number(start + pageSize)).toBase64()));
        return RawHttpReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
}

ListDocumentsRequest request()
{
    ListDocumentsRequest r;
    r.applicationId = QString::fromLatin1(FakeQBusiness::ApplicationId);
    r.indexId = QString::fromLatin1(FakeQBusiness::IndexId);
    r.dataSourceId = QString::fromLatin1(FakeQBusiness::DataSourceId);
    return r;
}
} // namespace

class TestListDocuments : public QObject
{
    Q_OBJECT
private slots:
    void requestShapeAndCodec();
    void paginatorWalksEveryPage();
    void malformedBodies_data();
    void malformedBodies();
    void jsonShape();
};

void TestListDocuments::requestShapeAndCodec()
{
    int badSignatures = 0;
    RawHttpServer server(documentsHandler(3, &badSignatures));
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(credentials());
    ClientConfig config;
    config.endpoint = QUrl::fromEncoded(server.url());
    config.region = QString::fromLatin1(FakeQBusiness::Region);
    Client client(config, &creds);
    ListDocumentsRequest r = request();
    r.maxResults = 50;
    r.nextToken = QStringLiteral("a+b/c=");
    ListDocumentsCall *call = client.listDocuments(r);
    call->setAutoDelete(false);
    QSignalSpy done(call, &Call::finished);
    call->start();
    QVERIFY(done.wait(20000));
    QVERIFY2(!call->error().isError(), qPrintable(call->error().message));
    QCOMPARE(badSignatures, 0);
    const RawHttpRequest &req = server.requests().first();
    QCOMPARE(req.method, QByteArray("GET"));
    QCOMPARE(req.path,
             QByteArray("/applications/") + FakeQBusiness::ApplicationId + "/index/"
                 + FakeQBusiness::IndexId + "/documents");
    QCOMPARE(req.query,
             QByteArray("dataSourceIds=") + FakeQBusiness::DataSourceId
                 + "&maxResults=50&nextToken=a%2Bb%2Fc%3D");
    QVERIFY(!req.hasHeader("Content-Type"));
    QCOMPARE(call->operation(), QStringLiteral("ListDocuments"));
    delete call;
}

void TestListDocuments::paginatorWalksEveryPage()
{
    int badSignatures = 0;
    RawHttpServer server(documentsHandler(23, &badSignatures));
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(credentials());
    ClientConfig config;
    config.endpoint = QUrl::fromEncoded(server.url());
    config.region = QString::fromLatin1(FakeQBusiness::Region);
    Client client(config, &creds);
    std::unique_ptr<Paginator> p(Paginator::listDocuments(&client, request()));
    p->setPageSize(10);
    QList<DocumentDetails> docs;
    connect(p.get(), &aws::Paginator::pageLoaded, this, [&docs](Call *job, int first, int n) {
        docs += static_cast<ListDocumentsCall *>(job)->page.documents.mid(first, n);
    });
    QSignalSpy done(p.get(), &aws::Paginator::finished);
    p->start();
    QVERIFY(done.wait(20000));
    QVERIFY2(!p->error().isError(), qPrintable(p->error().message));
    QVERIFY(p->isComplete());
    QCOMPARE(p->pageCount(), 3);
    QCOMPARE(docs.size(), 23);
    QCOMPARE(badSignatures, 0);
    QCOMPARE(docs.at(1).status, QStringLiteral("FAILED"));
    QCOMPARE(docs.at(1).errorCode, QStringLiteral("InvalidRequest"));
    QCOMPARE(docs.at(1).errorMessage, QStringLiteral("File too large"));
    QCOMPARE(docs.at(2).status, QStringLiteral("DOCUMENT_FAILED_TO_INDEX"));
    QCOMPARE(docs.at(4).status, QStringLiteral("NEW_STATUS")); // kept verbatim
    QVERIFY(isFailedDocumentStatus(docs.at(1).status));
    QVERIFY(isFailedDocumentStatus(docs.at(2).status));
    QVERIFY(!isFailedDocumentStatus(docs.at(0).status));
    QCOMPARE(docs.at(0).createdAt.toMSecsSinceEpoch(), 1714564800500);
    QCOMPARE(docs.at(0).updatedAt, QDateTime(QDate(2024, 5, 1), QTime(12, 30), Qt::UTC));
    QCOMPARE(docs.last().documentId, QStringLiteral("s3://b/d22.pdf"));
}

void TestListDocuments::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("html") << QByteArray("<html></html>") << "not valid JSON";
    QTest::newRow("list not an array")
        << QByteArray(R"({"documentDetailList":{}})") << "documentDetailList is not an array";
    QTest::newRow("item not an object")
        << QByteArray(R"({"documentDetailList":[1]})") << "documentDetailList[0] is not an object";
    QTest::newRow("status a number") << QByteArray(R"({"documentDetailList":[{"status":5}]})")
                                     << "documentDetailList[0].status is not a string";
    QTest::newRow("error not an object") << QByteArray(R"({"documentDetailList":[{"error":"x"}]})")
                                         << "documentDetailList[0].error is not an object";
    QTest::newRow("bad time") << QByteArray(R"({"documentDetailList":[{"createdAt":true}]})")
                              << "documentDetailList[0].createdAt";
}

void TestListDocuments::malformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    DocumentPage page;
    QString e;
    QVERIFY(!documentcodec::readDocumentPage(body, &page, &e));
    QVERIFY2(e.contains(error), qPrintable(e));
    // null members are absent
    QVERIFY(documentcodec::readDocumentPage(
        R"({"documentDetailList":[{"documentId":"d","error":null,"status":null}],"nextToken":null})",
        &page, &e));
    QCOMPARE(page.documents.last().documentId, QStringLiteral("d"));
    QVERIFY(page.nextToken.isEmpty());
}

void TestListDocuments::jsonShape()
{
    DocumentDetails d;
    d.documentId = QStringLiteral("d");
    d.status = QStringLiteral("FAILED");
    d.errorCode = QStringLiteral("InvalidRequest");
    d.errorMessage = QStringLiteral("x");
    d.createdAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(
        QJsonDocument(documentcodec::toJson(d)).toJson(QJsonDocument::Compact),
        QByteArray(
            R"({"createdAt":"2024-05-01T12:00:00Z","documentId":"d","error":{"errorCode":"InvalidRequest","errorMessage":"x"},"status":"FAILED"})"));
}

QTEST_GUILESS_MAIN(TestListDocuments)
#include "tst_listdocuments.moc"
