#pragma once

#include "authenticator.h"
#include "faultinjector.h"
#include "httpmessage.h"
#include "options.h"
#include "pagetoken.h"
#include "store.h"

#include <QDateTime>
#include <QJsonObject>

// The Amazon Q Business operations over the store: routing, SigV4, validation as the model
// says, pagination, errors shaped like the service's, and injected faults.
namespace syncdeck::emulator {

struct Reply
{
    enum class Network { Answer, Reset, Stall, Truncate };
    HttpResponse response;
    Network network = Network::Answer;
    int stallMs = 0;
};

class Service
{
public:
    explicit Service(const Options &options);

    // Loads the fixture or generates the seeded data. False with *error when a fixture is bad.
    bool load(QString *error);

    Reply handle(const HttpRequest &request);
    // The answer to a request the HTTP parser refused.
    HttpResponse malformed(int status, const QString &message) const;
    // The service's clock: wall clock plus the configured skew.
    QDateTime now() const;

private:
    using Query = QList<std::pair<QString, QString>>;

    HttpResponse dispatch(const HttpRequest &request);
    HttpResponse listApplications(const Query &query);
    HttpResponse listIndices(const QString &appId, const Query &query);
    HttpResponse listDataSources(const QString &appId, const QString &indexId, const Query &query);
    HttpResponse getDataSource(const QString &appId, const QString &indexId, const QString &dsId);
    HttpResponse listSyncJobs(const QString &appId, const QString &indexId, const QString &dsId,
                              const Query &query);
    HttpResponse startSync(const QString &appId, const QString &indexId, const QString &dsId);
    HttpResponse stopSync(const QString &appId, const QString &indexId, const QString &dsId);

    // Looks the resources up; on failure *error is the 404 to answer.
    bool find(const QString &appId, const QString &indexId, const QString &dsId,
              ApplicationRecord **app, IndexRecord **index, DataSourceRecord **ds,
              HttpResponse *error);

    void finish(HttpResponse *response) const;

    Options m_options;
    Store m_store;
    Authenticator m_authenticator;
    PageTokenCodec m_tokens;
    FaultInjector m_faults;
    quint64 m_startCounter = 0;
};

} // namespace syncdeck::emulator
