#pragma once

#include "awserror.h"
#include "pagingrule.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace syncdeck::aws {

class ServiceCall;

// Streams the pages of one list operation of any service, one request at a time, the way the AWS
// CLI's paginator does: a starting token resumes a listing, max items cuts it (even mid-page), and
// a resume token says exactly where it stopped. The listing stays bounded by aws::PagingRule: a
// repeated nextToken or too many empty pages stop it with an error instead of looping.
//
// Contract: start() is queued; pageLoaded() fires per page, in order, with the slice of that
// page's items the caller has not seen; finished() fires exactly once, after every page that was
// received has been delivered, and then error(), isComplete() and resumeToken() are valid.
//
// While pageLoaded() for one page runs, the request for the next page is already on the wire:
// a received page whose listing goes on is handed out from the event loop just after the next
// request has been sent, so the caller's work on it overlaps the next round trip. Only one
// request is in flight at a time; no page is asked for that --max-items or --no-paginate would
// not deliver.
class Paginator : public QObject
{
    Q_OBJECT
public:
    struct PageInfo
    {
        int itemCount = 0;
        QString nextToken;
    };
    // Creates (without starting) the job for one page.
    using StartPage = std::function<ServiceCall *(const QString &nextToken, int pageSize)>;
    // Reads item count and nextToken of a finished, successful page job.
    using ReadPage = std::function<PageInfo(ServiceCall *job)>;

    Paginator(StartPage startPage, ReadPage readPage, QObject *parent = nullptr);
    ~Paginator() override;

    void setPageSize(int pageSize); // maxResults per request; 0: the service's default
    void setMaxItems(qint64 maxItems); // 0: no limit
    // A token from resumeToken() (or a raw service nextToken). False, with *error, when the
    // token is not one SyncDeck can use.
    bool setStartingToken(const QString &token, QString *error);
    // Only the first page: no further requests (--no-paginate).
    void setSinglePage(bool singlePage);
    // At most this many pages in a row without items (each with a new nextToken) before the
    // listing stops with an error and a resume token; 0: no limit. Services that search (such
    // as CloudWatch Logs' FilterLogEvents) may answer empty pages for a long time.
    void setMaxEmptyPages(int maxEmptyPages);
    // Backpressure, for a caller that hands items on more slowly than pages arrive: while held,
    // no further request is sent (one already on the wire completes and its page is delivered);
    // releasing sends the request held back. A held listing does not finish by itself.
    void setHeld(bool held);
    bool isHeld() const { return m_held; }

    void start();
    void abort();

    bool isFinished() const;
    bool isComplete() const; // every item was delivered
    const AwsError &error() const;
    qint64 itemCount() const; // items delivered through pageLoaded()
    int pageCount() const;
    // After finished(): where to resume to get exactly the items not yet delivered; empty when
    // the listing is complete, or when it stopped before its first page (start it again).
    // Opaque (base64 of JSON, as the AWS CLI's NextToken).
    QString resumeToken() const;
    // The service's nextToken of the last page (for --no-paginate output).
    QString lastServiceToken() const;

    static QString encodeToken(const QString &serviceToken, int skip, int pageSize);

signals:
    // Items [first, first + count) of `job`'s page are new. `job` is deleted after the signal.
    void pageLoaded(syncdeck::aws::ServiceCall *job, int first, int count);
    void finished();

private:
    void requestPage();
    void requestNext(); // the next page's request, unless held; then the pending page
    void onPageFinished(ServiceCall *job);
    void deliverPending();
    // The next request starts at serviceToken (the current one is remembered as seen).
    void advanceTo(const QString &serviceToken);
    void finish(const AwsError &error);

    StartPage m_startPage;
    ReadPage m_readPage;
    int m_pageSize = 0;
    qint64 m_maxItems = 0;
    bool m_singlePage = false;
    PagingRule m_rule;

    // Where the next request starts: service token, items of that page already delivered, and
    // the page size that page must be asked with for the skip to mean the same items.
    QString m_token;
    int m_skip = 0;
    int m_tokenPageSize = 0;

    QPointer<ServiceCall> m_job;
    // A received page waiting for its pageLoaded() (see the contract above).
    QPointer<ServiceCall> m_pendingJob;
    int m_pendingFirst = 0;
    int m_pendingCount = 0;
    bool m_started = false;
    bool m_held = false;
    bool m_requestHeld = false; // the next page's request waits for setHeld(false)
    bool m_finished = false;
    bool m_complete = false;
    AwsError m_error;
    qint64 m_items = 0;
    int m_pages = 0;
    QString m_resumeToken;
    QString m_lastServiceToken;
};

// `start`, with every request its calls send (retries included) counted in *counter while
// `context` lives.
Paginator::StartPage countRequests(Paginator::StartPage start, QObject *context, int *counter);

// The StartPage of an operation whose request value carries the listing's place: each page
// copies `request`, sets its nextToken and, when the paginator has a page size, the member
// `pageSizeMember` (maxResults, limit), and sends it with send(client, request). No request once
// the client is gone.
template<typename Client, typename Request, typename Send>
Paginator::StartPage startPageWith(Client *client, Request request, int Request::*pageSizeMember,
                                   Send send)
{
    QPointer<Client> c(client);
    return [c, request = std::move(request), pageSizeMember,
            send = std::move(send)](const QString &token, int pageSize) -> ServiceCall * {
        if (!c)
            return nullptr;
        Request r = request;
        r.nextToken = token;
        if (pageSize > 0)
            r.*pageSizeMember = pageSize;
        return send(c.data(), r);
    };
}

} // namespace syncdeck::aws
