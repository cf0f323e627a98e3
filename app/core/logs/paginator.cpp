#include "paginator.h"

#include "client.h"

#include <QPointer>

namespace syncdeck::logs {

Paginator *Paginator::filterLogEvents(Client *client, const FilterLogEventsRequest &request,
                                      QObject *parent)
{
    QPointer<Client> c(client);
    auto *p = new Paginator(
        [c, request](const QString &token, int pageSize) -> Call * {
            if (!c)
                return nullptr;
            FilterLogEventsRequest r = request;
            r.nextToken = token;
            if (pageSize > 0)
                r.limit = pageSize;
            return c->filterLogEvents(r);
        },
        [](Call *job) {
            auto *j = static_cast<FilterLogEventsCall *>(job);
            return PageInfo {int(j->page.events.size()), j->page.nextToken};
        },
        parent);
    p->setMaxEmptyPages(MaxEmptyPages);
    return p;
}

Paginator *Paginator::getLogEvents(Client *client, const GetLogEventsRequest &request,
                                   QObject *parent)
{
    QPointer<Client> c(client);
    auto *p = new Paginator(
        [c, request](const QString &token, int pageSize) -> Call * {
            if (!c)
                return nullptr;
            GetLogEventsRequest r = request;
            if (!r.startFromHead)
                r.startFromHead = true;
            r.nextToken = token;
            if (pageSize > 0)
                r.limit = pageSize;
            return c->getLogEvents(r);
        },
        [](Call *job) {
            auto *j = static_cast<GetLogEventsCall *>(job);
            // The same token back is this operation's "no more events".
            const bool end = j->page.nextForwardToken.isEmpty()
                || j->page.nextForwardToken == j->request.nextToken;
            return PageInfo {int(j->page.events.size()),
                             end ? QString() : j->page.nextForwardToken};
        },
        parent);
    p->setMaxEmptyPages(MaxEmptyPages);
    return p;
}

Paginator *Paginator::describeLogStreams(Client *client, const DescribeLogStreamsRequest &request,
                                         QObject *parent)
{
    QPointer<Client> c(client);
    return new Paginator(
        [c, request](const QString &token, int pageSize) -> Call * {
            if (!c)
                return nullptr;
            DescribeLogStreamsRequest r = request;
            r.nextToken = token;
            if (pageSize > 0)
                r.limit = pageSize;
            return c->describeLogStreams(r);
        },
        [](Call *job) {
            auto *j = static_cast<DescribeLogStreamsCall *>(job);
            return PageInfo {int(j->page.logStreams.size()), j->page.nextToken};
        },
        parent);
}

} // namespace syncdeck::logs
