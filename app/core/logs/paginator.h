#pragma once

#include "aws/paginator.h"
#include "types.h"

namespace syncdeck::logs {

class Client;

// The paginators of the CloudWatch Logs read operations (the paging rules are aws::Paginator's:
// a repeated token is an error, max items, resume tokens). Page size is the request's `limit`.
class Paginator : public aws::Paginator
{
    Q_OBJECT
public:
    using aws::Paginator::Paginator;

    // Pages may be empty and still carry a nextToken: only its absence ends the listing; at
    // most MaxEmptyPages empty pages in a row (see aws::Paginator::setMaxEmptyPages).
    static Paginator *filterLogEvents(Client *client, const FilterLogEventsRequest &request,
                                      QObject *parent = nullptr,
                                      EventReading reading = EventReading::Whole);
    // Forward through one stream (startFromHead unless the request says otherwise): the
    // listing ends when the service gives back the nextForwardToken it was sent.
    static Paginator *getLogEvents(Client *client, const GetLogEventsRequest &request,
                                   QObject *parent = nullptr);
    static Paginator *describeLogStreams(Client *client, const DescribeLogStreamsRequest &request,
                                         QObject *parent = nullptr);

    static constexpr int MaxEmptyPages = 1000;
};

} // namespace syncdeck::logs
