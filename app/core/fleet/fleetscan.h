#pragma once

#include "fleetrow.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace syncdeck::qbusiness {
class Client;
}

namespace syncdeck::fleet {

struct FleetScanOptions
{
    // Regions to scan, in order. Empty with the one-client constructor: that client's region.
    QStringList regions;
    // Calls in flight at most (a listing counts as one: it has one page in flight at a time).
    int maxInFlight = 4;
    // maxResults of ListDataSourceSyncJobs: the newest page, 1..10.
    int runsPerDataSource = 10;
    // How often one call that still meets throttling after the client's own retries is tried
    // again by the scan (each time after a scan-wide pause) before its row shows the error.
    int throttleRetries = 4;
    // The first scan-wide pause after such a call; it doubles with each throttling episode in a
    // row (calls already in flight when the scan backed off count as the same episode), up to
    // 20 s, with jitter, and resets after a run of successes.
    int throttleCooldownMs = 1000;
    // At least this long between the starts of two calls the scan makes (0: no pacing). Pages
    // after a listing's first are paced by the client (its retry mode), not by this.
    int minCallIntervalMs = 0;
    // Discovery of more data sources waits while this many wait for their calls (memory).
    int maxQueuedDataSources = 200;
};

// Counts while the scan runs; final after finished().
struct FleetScanProgress
{
    int regions = 0;
    int regionsListed = 0; // regions whose applications are all listed (or failed)
    int applications = 0;
    int indices = 0;
    int dataSources = 0; // discovered so far
    int dataSourcesDone = 0; // data source rows handed out
    int errorRows = 0; // region/application/index rows (a listing failed)
    int rowsWithErrors = 0; // rows of any scope with at least one failed call
    bool discoveryComplete = false; // dataSources is the total
    int inFlight = 0;
    int concurrency = 0; // the current bound (halved on throttling, regained on success)
};

// What the scan cost, for --debug, benchmarks and tests.
struct FleetScanStats
{
    int requests = 0; // HTTP attempts sent, retries of the client included
    QMap<QString, int> calls; // calls started per operation (a listing page is one call)
    int throttledCalls = 0; // calls that still met throttling after the client's retries
    int scanRetries = 0; // calls the scan started again after throttling
    int concurrencyCuts = 0;
    int lowestConcurrency = 0;
    int peakInFlight = 0;
    int peakQueuedDataSources = 0; // discovered, waiting for or in their calls
    qint64 elapsedMs = 0;
    qint64 firstRowMs = -1; // from start() to the first row; -1: no row
};

// Discovers every application -> index -> data source reachable with the clients given, in one
// or more regions, and hands out one FleetRow per data source with its health: one
// GetDataSource and one ListDataSourceSyncJobs (the newest page) each. A listing that fails
// gives one row for what it could not list (region, application or index); a call that fails
// marks its data source's row. Nothing stops the scan but cancel().
//
// Contract (the Call contract of qbusiness): start() is queued; rowReady() fires once per row,
// as rows complete (no order); finished() fires exactly once, also after cancel(), and nothing
// fires after it. cancel() aborts every call at once: when it returns, no call of the scan is
// left and finished() has been emitted.
//
// Every call goes through the client (its retries, quota and rate limiting apply); the scan
// adds its own bound on calls in flight, halves it when a call still meets throttling after
// the client's retries (then pauses, and tries that call again later, a bounded number of
// times) and regains it by one after a run of successes. Rows are not kept: memory holds only
// the data sources waiting for their calls (at most maxQueuedDataSources plus the page of
// each listing in flight) and one small record per application and index.
class FleetScan : public QObject
{
    Q_OBJECT
public:
    // The client for a region, or nullptr with *error saying why (the region gets an error
    // row). Called once per region, when its scan begins. The scan never deletes a client: one
    // made for the scan can take `owner` (the scan) as its parent to go with it; one that
    // exists already must outlive the scan, or the region's remaining rows show NoClient.
    using ClientFactory
        = std::function<qbusiness::Client *(const QString &region, QObject *owner, QString *error)>;
    using Clock = std::function<QDateTime()>;

    // Scans options.regions with clients from the factory.
    FleetScan(ClientFactory factory, FleetScanOptions options, QObject *parent = nullptr);
    // Scans with one client (not owned): its region, or options.regions when they name only it.
    explicit FleetScan(qbusiness::Client *client, FleetScanOptions options = {},
                       QObject *parent = nullptr);
    ~FleetScan() override;

    // "Now" for health (default: the system clock, UTC).
    void setClock(Clock clock);

    void start();
    void cancel();

    bool isRunning() const;
    bool isFinished() const;
    bool wasCancelled() const;
    const FleetScanOptions &options() const;
    FleetScanProgress progress() const;
    FleetScanStats stats() const;

signals:
    void rowReady(const syncdeck::fleet::FleetRow &row);
    void progressChanged(const syncdeck::fleet::FleetScanProgress &progress);
    void finished();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace syncdeck::fleet
