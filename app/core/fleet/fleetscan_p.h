#pragma once

// The parts of FleetScan, shared by its files: fleetscan.cpp (the API, start and finish),
// fleetscanpacing.cpp (dispatch: concurrency, pacing, throttling, clients),
// fleetscandiscovery.cpp (listings of applications, indices and data sources, error rows) and
// fleetscandatasource.cpp (each data source's two calls and its row).

#include "fleetscan.h"

#include "qbusiness/client.h"
#include "qbusiness/paginator.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace syncdeck::fleet {
namespace scan {

inline constexpr int MaxCooldownMs = 20000;

enum class Op : quint8 {
    ListApplications,
    ListIndices,
    ListDataSources,
    GetDataSource,
    ListSyncJobs
};

// The operation's name, as rows and stats give it.
QString opName(Op op);
bool isListing(Op op);
// Still throttled after the client's own retries.
bool isThrottling(const qbusiness::AwsError &e);
// "Operation failed: Code: message".
QString describeError(const FleetError &e);

struct RegionState
{
    QString region;
    QPointer<qbusiness::Client> client;
    bool clientAsked = false;
    QSet<QString> seen; // application ids: a misbehaving listing may repeat items
};

struct AppState
{
    int region = 0;
    QString id;
    QString name;
    QSet<QString> seen; // index ids
};

struct IndexState
{
    int application = 0;
    QString id;
    QString name;
    QSet<QString> seen; // data source ids
};

// A discovered data source until its row is handed out.
struct DataSourceState
{
    int index = 0;
    qbusiness::DataSource summary;
    std::optional<qbusiness::DataSourceDetails> details;
    std::optional<QList<qbusiness::SyncJob>> runs;
    QList<FleetError> errors;
    int callsLeft = 2;
};

// One call (or one listing) to make.
struct Work
{
    Op op = Op::ListApplications;
    int owner = 0; // region, application or index of a listing
    std::shared_ptr<DataSourceState> dataSource; // GetDataSource, ListSyncJobs
    int throttleRetries = 0;
    QString startingToken; // a listing resumed after throttling
    quint64 sequence = 0; // dispatch order, to cut concurrency once per throttling episode
};

// The names every part of the scan speaks of.
using qbusiness::AwsError;
using qbusiness::Call;
using qbusiness::Client;
using qbusiness::Paginator;

} // namespace scan

struct FleetScan::Private
{
    FleetScan *q = nullptr;
    ClientFactory factory;
    FleetScanOptions options;
    Clock clock;

    std::vector<scan::RegionState> regions;
    std::vector<scan::AppState> applications;
    std::vector<scan::IndexState> indices;
    std::deque<scan::Work> retryQueue; // throttled calls, first when dispatch resumes
    std::deque<scan::Work> discoveryQueue; // depth first: the deepest listing goes next
    std::deque<scan::Work> dataSourceQueue;
    QHash<QObject *, scan::Work> active; // Call or Paginator -> its work
    int pendingListings = 0; // queued, active or waiting for a retry
    int queuedDataSources = 0; // discovered, row not yet handed out
    int lostCalls = 0; // calls deleted with their client, their rows not yet seen to

    int concurrency = 1;
    int successStreak = 0;
    int cooldownMs = 0;
    quint64 sequence = 0;
    quint64 lastCutSequence = 0;
    qint64 resumeAtMs = 0;
    qint64 lastDispatchMs = -1;
    QTimer wakeTimer;
    QElapsedTimer elapsed;

    FleetScanProgress progress;
    FleetScanStats stats;
    bool started = false;
    bool running = false;
    bool finished = false;
    bool cancelled = false;
    bool pumping = false;
    bool destroying = false;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }
    bool hasWork() const
    {
        return !retryQueue.empty() || !discoveryQueue.empty() || !dataSourceQueue.empty();
    }

    // fleetscan.cpp: the scan's life.
    void begin();
    void notifyProgress();
    void abortAll();
    void maybeFinish();
    void finish();
    // Removes a call or listing from those in flight; false when it is not one of them.
    bool takeActive(QObject *callOrListing, scan::Work *work);
    // Every row leaves through here (counted, timed, emitted).
    void handOut(const FleetRow &row);

    // fleetscanpacing.cpp: what runs next, when, and on which client.
    void pump();
    bool takeNext(scan::Work *work);
    void dispatch(scan::Work work);
    qbusiness::Client *clientFor(int region);
    int regionOf(const scan::Work &work) const;
    qbusiness::AwsError noClientError(int region) const;
    void watch(qbusiness::Call *call, scan::Op op);
    void onCallDestroyed(QObject *call);
    void onClientLost(int region);
    bool retryAfterThrottling(scan::Work &work);
    void noteSuccess();

    // fleetscandiscovery.cpp: the listings, and the rows of what they could not list.
    void queueListing(scan::Op op, int owner, bool front);
    qbusiness::Paginator *makePaginator(scan::Op op, int owner, qbusiness::Client *client);
    void startListing(scan::Work work, qbusiness::Client *client);
    void onPage(scan::Op op, int owner, qbusiness::Call *job, int first, int count);
    void onListingFinished(qbusiness::Paginator *paginator);
    void listingDone(const scan::Work &work, const qbusiness::AwsError &error);
    void emitErrorRow(FleetRow::Scope scope, int owner, const FleetError &error);

    // fleetscandatasource.cpp: a data source's two calls and its row.
    // A data source found by a listing: its GetDataSource and ListDataSourceSyncJobs to make.
    void queueDataSource(int index, const qbusiness::DataSource &summary);
    void startCall(scan::Work work, qbusiness::Client *client);
    void onCallFinished(qbusiness::Call *call);
    void dataSourceCallDone(const scan::Work &work, qbusiness::Call *call);
    void emitDataSourceRow(const scan::DataSourceState &ds);
};

} // namespace syncdeck::fleet
