#include "paginator.h"

#include "client.h"

#include <QPointer>

namespace syncdeck::logs {

Paginator *Paginator::filterLogEvents(Client *client, const FilterLogEventsRequest &request,
                                      QObject *parent, EventReading reading)
{
    auto *p = new Paginator(
        aws::startPageWith(client, request, &FilterLogEventsRequest::limit,
                           [reading](Client *c, const FilterLogEventsRequest &r) -> Call * {
                               return c->filterLogEvents(r, reading);
                           }),
        [](Call *job) {
            auto *j = static_cast<FilterLogEventsCall *>(job);
            return PageInfo {int(j->page.eventCount()), j->page.nextToken};
        },
        parent);
    p->setMaxEmptyPages(MaxEmptyPages);
    return p;
}

Paginator *Paginator::getLogEvents(Client *client, const GetLogEventsRequest &request,
                                   QObject *parent)
{
    GetLogEventsRequest forward = request;
    if (!forward.startFromHead)
        forward.startFromHead = true;
    auto *p = new Paginator(
        aws::startPageWith(
            client, forward, &GetLogEventsRequest::limit,
            [](Client *c, const GetLogEventsRequest &r) -> Call * { return c->getLogEvents(r); }),
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
    return new Paginator(
        aws::startPageWith(client, request, &DescribeLogStreamsRequest::limit,
                           [](Client *c, const DescribeLogStreamsRequest &r) -> Call * {
                               return c->describeLogStreams(r);
                           }),
        [](Call *job) {
            auto *j = static_cast<DescribeLogStreamsCall *>(job);
            return PageInfo {int(j->page.logStreams.size()), j->page.nextToken};
        },
        parent);
}

} // namespace syncdeck::logs
