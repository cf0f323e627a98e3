#pragma once

#include "aws/paginator.h"
#include "types.h"

namespace syncdeck::qbusiness {

class Client;

// The paginators of the Q Business list operations (the paging rules are aws::Paginator's).
class Paginator : public aws::Paginator
{
    Q_OBJECT
public:
    using aws::Paginator::Paginator;

    // One page of ListDataSourceSyncJobs for `request` (for listings that watch their calls).
    static StartPage syncJobPages(Client *client, ListSyncJobsRequest request);
    static PageInfo syncJobPageInfo(aws::ServiceCall *call);

    static Paginator *listDataSourceSyncJobs(Client *client, const ListSyncJobsRequest &request,
                                             QObject *parent = nullptr);
    static Paginator *listApplications(Client *client, QObject *parent = nullptr);
    static Paginator *listIndices(Client *client, const QString &applicationId,
                                  QObject *parent = nullptr);
    static Paginator *listDataSources(Client *client, const QString &applicationId,
                                      const QString &indexId, QObject *parent = nullptr);
    // The documents' current states (ListDocuments); the request's nextToken is ignored.
    static Paginator *listDocuments(Client *client, const ListDocumentsRequest &request,
                                    QObject *parent = nullptr);
};

} // namespace syncdeck::qbusiness
