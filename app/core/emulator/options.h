#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// Configuration of the local Amazon Q Business service. Everything random is derived from `seed`,
// so two servers with the same options serve the same data and inject the same faults.
namespace syncdeck::emulator {

inline constexpr char DefaultAccessKeyId[] = "AKIDSYNCDECKEMULATOR";
inline constexpr char DefaultSecretAccessKey[] = "SyncDeck/Emulator+Secret/Key0000000000000";
inline constexpr char DefaultRegion[] = "us-east-1";

// Probabilities (0..1) that a signed, well-formed request meets a fault instead of an answer.
// At most one fault hits a request; they are tried in the order below.
struct FaultOptions
{
    double throttle = 0; // 429 ThrottlingException
    double error500 = 0; // 500 InternalServerException with an HTML body
    double reset = 0; // the connection is reset without an answer
    double stall = 0; // the answer is held back for stallMs
    int stallMs = 0;
    double truncate = 0; // the body is cut short and the connection closed
    // A per-account rate limit of each region, in requests per second (0: none): a token
    // bucket holding one second's worth, as AWS front ends throttle. Requests over it meet
    // 429 ThrottlingException before any other fault is drawn; they take no token.
    double throttleRate = 0;

    bool any() const
    {
        return throttle > 0 || error500 > 0 || reset > 0 || stall > 0 || truncate > 0
            || throttleRate > 0;
    }
};

// Parses "throttle=P,error500=P,reset=P,stall=P:MS,truncate=P" into *out (unnamed kinds stay 0);
// throttle=N/s is the rate limit (it may be given beside throttle=P).
// On failure returns false and says what was wrong in *error.
bool parseFaultSpec(const QString &spec, FaultOptions *out, QString *error);

struct Options
{
    quint64 seed = 1;
    int applications = 2;
    int indicesPerApplication = 1;
    int dataSourcesPerIndex = 3;
    int jobsPerDataSource = 200;
    QString statePath; // --state FILE: exact fixture instead of generated data

    QString accessKeyId = QString::fromLatin1(DefaultAccessKeyId);
    QString secretAccessKey = QString::fromLatin1(DefaultSecretAccessKey);
    QString region = QString::fromLatin1(DefaultRegion);
    // More regions served on the same port (--regions), each with its own generated data
    // (seeded from seed and the region's place) and its own rate limit; `region` is the first.
    QStringList moreRegions;
    // Variety across the fleet for fleet overviews (--fleet-variety, see fleetvariety.h).
    bool fleetVariety = false;
    // Empty: requests may carry any x-amz-security-token (or none). Set: requests must carry
    // exactly this token, as with temporary credentials.
    QString sessionToken;

    FaultOptions faults;
    qint64 clockSkewSeconds = 0; // the service's clock runs this far ahead (negative: behind)
    // How long a sync started by StartDataSourceSyncJob runs before it reaches its final status
    // (SYNCING for the first 75%, then SYNCING_INDEXING). The seeded running job of the first data
    // source is a quarter through such a run when the server starts.
    int syncDurationMs = 120000;
    // How long a stopped job stays STOPPING before it becomes ABORTED.
    int stopDurationMs = 3000;
    // Seeded history ends just before this time; invalid means "when the server starts".
    QDateTime anchorTime;

    bool verbose = false; // one line per request on stderr (never secrets)

    int maxHeaderBytes = 16 * 1024; // request line + headers; larger is 400
    qint64 maxBodyBytes = qint64(1) << 20; // larger is 413
    int idleTimeoutMs = 60000; // keep-alive connections idle this long are closed
};

} // namespace syncdeck::emulator
