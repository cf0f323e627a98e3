#include "paginator.h"

#include "servicecall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QScopeGuard>

namespace syncdeck::aws {

namespace {
// Members of the resume token. "nextToken" and "boto_truncate_amount" are the AWS CLI's own.
constexpr char TokenKey[] = "nextToken";
constexpr char SkipKey[] = "boto_truncate_amount";
constexpr char PageSizeKey[] = "syncdeck_page_size";
} // namespace

Paginator::Paginator(StartPage startPage, ReadPage readPage, QObject *parent)
    : QObject(parent)
    , m_startPage(std::move(startPage))
    , m_readPage(std::move(readPage))
{ }

Paginator::~Paginator()
{
    delete m_pendingJob;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void Paginator::setPageSize(int pageSize)
{
    m_pageSize = std::max(0, pageSize);
}

void Paginator::setMaxItems(qint64 maxItems)
{
    m_maxItems = std::max<qint64>(0, maxItems);
}

void Paginator::setSinglePage(bool singlePage)
{
    m_singlePage = singlePage;
}

void Paginator::setMaxEmptyPages(int maxEmptyPages)
{
    m_rule.setMaxEmptyPages(maxEmptyPages);
}

QString Paginator::encodeToken(const QString &serviceToken, int skip, int pageSize)
{
    QJsonObject o;
    o.insert(QLatin1String(TokenKey), serviceToken);
    if (skip > 0) {
        o.insert(QLatin1String(SkipKey), skip);
        if (pageSize > 0)
            o.insert(QLatin1String(PageSizeKey), pageSize);
    }
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64());
}

bool Paginator::setStartingToken(const QString &token, QString *error)
{
    m_token.clear();
    m_skip = 0;
    m_tokenPageSize = 0;
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty()) {
        *error = QStringLiteral("the starting token is empty");
        return false;
    }
    const auto decoded = QByteArray::fromBase64Encoding(trimmed.toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const QJsonDocument doc = decoded ? QJsonDocument::fromJson(*decoded) : QJsonDocument();
    if (!doc.isObject()) {
        // Not one of ours: a service nextToken, as `--no-paginate` prints it.
        m_token = trimmed;
        return true;
    }
    const QJsonObject o = doc.object();
    const QJsonValue t = o.value(QLatin1String(TokenKey));
    const QJsonValue skip = o.value(QLatin1String(SkipKey));
    const QJsonValue size = o.value(QLatin1String(PageSizeKey));
    if (!t.isString() || (!skip.isUndefined() && (!skip.isDouble() || skip.toInt(-1) < 0))
        || (!size.isUndefined() && (!size.isDouble() || size.toInt(-1) < 1))) {
        *error = QStringLiteral("the starting token is not one SyncDeck or the AWS CLI printed "
                                "as NextToken; copy it exactly as printed");
        return false;
    }
    m_token = t.toString();
    m_skip = skip.toInt(0);
    m_tokenPageSize = size.toInt(0);
    return true;
}

void Paginator::setHeld(bool held)
{
    m_held = held;
    if (held || !m_requestHeld || m_finished)
        return;
    m_requestHeld = false;
    requestNext();
}

void Paginator::requestNext()
{
    if (m_held) {
        m_requestHeld = true;
        if (m_pendingJob) // delivered all the same, from the event loop
            QMetaObject::invokeMethod(this, &Paginator::deliverPending, Qt::QueuedConnection);
        return;
    }
    // The page goes out once the next request is on the wire (queued: never inside the
    // client's send), or earlier if that job finishes or the listing ends first.
    requestPage();
    if (m_pendingJob && m_job)
        connect(m_job, &ServiceCall::requestSent, this, &Paginator::deliverPending,
                Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
}

void Paginator::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &Paginator::requestPage, Qt::QueuedConnection);
}

void Paginator::abort()
{
    if (m_finished)
        return;
    AwsError e;
    e.kind = AwsError::Kind::Aborted;
    e.code = QStringLiteral("Aborted");
    e.message = QStringLiteral("the listing was cancelled");
    finish(e);
}

void Paginator::requestPage()
{
    if (m_finished)
        return;
    // A skip only means the same items when the page is asked for with the same size.
    const int pageSize = m_skip > 0 && m_tokenPageSize > 0 ? m_tokenPageSize : m_pageSize;
    ServiceCall *job = m_startPage(m_token, pageSize);
    if (!job) {
        finish(AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                              QStringLiteral("the client of this listing no longer exists")));
        return;
    }
    m_tokenPageSize = pageSize;
    m_job = job;
    job->setAutoDelete(false);
    connect(job, &ServiceCall::finished, this, &Paginator::onPageFinished);
    job->start();
}

void Paginator::onPageFinished(ServiceCall *job)
{
    m_job = nullptr;
    deliverPending(); // the previous page first, always
    bool pending = false;
    const auto release = qScopeGuard([job, &pending] {
        if (!pending)
            job->deleteLater(); // after pageLoaded's slots have read it
    });
    if (m_finished)
        return;
    if (job->error().isError()) {
        finish(job->error());
        return;
    }
    const PageInfo page = m_readPage(job);
    ++m_pages;
    m_lastServiceToken = page.nextToken;

    const int first = std::min(m_skip, page.itemCount);
    int count = page.itemCount - first;
    bool cut = false;
    if (m_maxItems > 0 && m_items + count >= m_maxItems) {
        cut = m_items + count > m_maxItems;
        count = int(m_maxItems - m_items);
    }
    const PagingRule::Verdict verdict = m_rule.observe(m_token, page.itemCount, page.nextToken);
    const bool repeated = verdict == PagingRule::Verdict::Repeated;
    const bool tooManyEmpty = verdict == PagingRule::Verdict::TooManyEmpty;
    const bool goesOn = !cut && !page.nextToken.isEmpty() && !repeated && !m_singlePage
        && !tooManyEmpty && (m_maxItems <= 0 || m_items + count < m_maxItems);

    if (goesOn) {
        // Ask for the next page before handing this one out, so that the caller's work on this
        // page overlaps the next round trip.
        advanceTo(page.nextToken);
        if (count > 0) {
            m_items += count;
            pending = true;
            job->setParent(nullptr); // kept for its delivery even if the client goes away
            m_pendingJob = job;
            m_pendingFirst = first;
            m_pendingCount = count;
        }
        requestNext();
        return;
    }

    if (count > 0) {
        m_items += count;
        emit pageLoaded(job, first, count);
        if (m_finished) // a slot aborted us
            return;
    }

    if (cut) {
        // Stopped inside this page: resume at the same page, past what was delivered.
        m_skip = first + count;
        finish({});
        return;
    }
    m_skip = 0;
    if (page.nextToken.isEmpty()) {
        m_token.clear();
        m_complete = true;
        finish({});
        return;
    }
    if (repeated) {
        finish(PagingRule::repeatedTokenError(m_pages, m_items));
        return;
    }
    // Single page, too many empty pages, or max items reached exactly at the end of this page.
    advanceTo(page.nextToken);
    if (tooManyEmpty) {
        finish(PagingRule::tooManyEmptyPagesError(m_rule.emptyPagesInARow(), m_pages, m_items));
        return;
    }
    finish({});
}

void Paginator::advanceTo(const QString &serviceToken)
{
    m_token = serviceToken;
    m_skip = 0;
}

void Paginator::deliverPending()
{
    if (!m_pendingJob)
        return;
    ServiceCall *job = m_pendingJob;
    m_pendingJob = nullptr;
    emit pageLoaded(job, m_pendingFirst, m_pendingCount);
    job->deleteLater();
}

void Paginator::finish(const AwsError &error)
{
    if (m_finished)
        return;
    deliverPending(); // every received page is delivered before finished()
    if (m_finished) // a slot of that page aborted the listing
        return;
    m_finished = true;
    m_error = error;
    if (m_job) {
        ServiceCall *job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->abort();
        delete job;
    }
    // No token when the listing is complete, when resuming would loop, or when it would only
    // mean "from the beginning" (nothing delivered yet: run the same command again).
    const bool atStart = m_token.isEmpty() && m_skip == 0;
    if (!m_complete && !atStart && error.code != QLatin1String("RepeatedNextToken"))
        m_resumeToken = encodeToken(m_token, m_skip, m_tokenPageSize);
    emit finished();
}

bool Paginator::isFinished() const
{
    return m_finished;
}

bool Paginator::isComplete() const
{
    return m_complete;
}

const AwsError &Paginator::error() const
{
    return m_error;
}

qint64 Paginator::itemCount() const
{
    return m_items;
}

int Paginator::pageCount() const
{
    return m_pages;
}

QString Paginator::resumeToken() const
{
    return m_resumeToken;
}

QString Paginator::lastServiceToken() const
{
    return m_lastServiceToken;
}

Paginator::StartPage countRequests(Paginator::StartPage start, QObject *context, int *counter)
{
    return [start = std::move(start), context, counter](const QString &token,
                                                        int pageSize) -> ServiceCall * {
        ServiceCall *call = start(token, pageSize);
        if (call)
            QObject::connect(call, &ServiceCall::requestSent, context, [counter] { ++*counter; });
        return call;
    };
}

} // namespace syncdeck::aws
