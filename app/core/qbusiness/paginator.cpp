#include "paginator.h"

#include "client.h"

#include <QPointer>

namespace syncdeck::qbusiness {

Paginator::StartPage Paginator::syncJobPages(Client *client, ListSyncJobsRequest request)
{
    return aws::startPageWith(client, std::move(request), &ListSyncJobsRequest::maxResults,
                              [](Client *c, const ListSyncJobsRequest &r) -> Call * {
                                  return c->listDataSourceSyncJobs(r);
                              });
}

Paginator::PageInfo Paginator::syncJobPageInfo(Call *call)
{
    const auto *j = static_cast<ListSyncJobsCall *>(call);
    return {int(j->page.history.size()), j->page.nextToken};
}

Paginator *Paginator::listDataSourceSyncJobs(Client *client, const ListSyncJobsRequest &request,
                                             QObject *parent)
{
    return new Paginator(syncJobPages(client, request), syncJobPageInfo, parent);
}

Paginator *Paginator::listApplications(Client *client, QObject *parent)
{
    QPointer<Client> c(client);
    return new Paginator(
        [c](const QString &token, int pageSize) -> Call * {
            return c ? c->listApplications(token, pageSize) : nullptr;
        },
        [](Call *job) {
            auto *j = static_cast<ListApplicationsCall *>(job);
            return PageInfo {int(j->applications.size()), j->nextToken};
        },
        parent);
}

Paginator *Paginator::listIndices(Client *client, const QString &applicationId, QObject *parent)
{
    QPointer<Client> c(client);
    return new Paginator(
        [c, applicationId](const QString &token, int pageSize) -> Call * {
            return c ? c->listIndices(applicationId, token, pageSize) : nullptr;
        },
        [](Call *job) {
            auto *j = static_cast<ListIndicesCall *>(job);
            return PageInfo {int(j->indices.size()), j->nextToken};
        },
        parent);
}

Paginator *Paginator::listDataSources(Client *client, const QString &applicationId,
                                      const QString &indexId, QObject *parent)
{
    QPointer<Client> c(client);
    return new Paginator(
        [c, applicationId, indexId](const QString &token, int pageSize) -> Call * {
            return c ? c->listDataSources(applicationId, indexId, token, pageSize) : nullptr;
        },
        [](Call *job) {
            auto *j = static_cast<ListDataSourcesCall *>(job);
            return PageInfo {int(j->dataSources.size()), j->nextToken};
        },
        parent);
}

Paginator *Paginator::listDocuments(Client *client, const ListDocumentsRequest &request,
                                    QObject *parent)
{
    return new Paginator(
        aws::startPageWith(
            client, request, &ListDocumentsRequest::maxResults,
            [](Client *c, const ListDocumentsRequest &r) -> Call * { return c->listDocuments(r); }),
        [](Call *job) {
            auto *j = static_cast<ListDocumentsCall *>(job);
            return PageInfo {int(j->page.documents.size()), j->page.nextToken};
        },
        parent);
}

} // namespace syncdeck::qbusiness
