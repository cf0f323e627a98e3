<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsoleLinks</name>
    <message>
        <source>Enter a data source ARN, its console URL, or the application, index and data source IDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ARN is not a Q Business data source ARN (expected arn:aws:qbusiness:REGION:ACCOUNT:application/ID/index/ID/data-source/ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This URL does not point at a Q Business data source (it should contain /applications/ID/indices/ID/datasources/ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected three IDs (application, index, data source), found %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Q Business ID (36 letters, digits and dashes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataSourceOpener</name>
    <message>
        <source>Cannot go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile first; SyncDeck will then open this data source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorExplanation</name>
    <message>
        <source>Amazon Q Business hit an internal problem while running this sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the sync again. If it fails the same way, open the run&apos;s CloudWatch log stream and contact AWS Support with the execution ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data source&apos;s configuration was rejected while syncing: a setting, the IAM role or the connector&apos;s secret is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the data source&apos;s IAM role, its secret and its connection settings in the console, then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application, index or data source was not active when the sync ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the index and data source show ACTIVE (or fix why they are not), then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something the sync needed no longer exists: the data source, its index, the IAM role or the repository it reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the repository, the IAM role and the index still exist and that the data source points at them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service reported error code %1, which this version of SyncDeck does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the error message below and the run&apos;s CloudWatch log stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector reported %1: the repository it reads refused or failed (credentials, permissions, throttling or a bad setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the repository&apos;s credentials and the connector&apos;s settings, then read the run&apos;s CloudWatch log stream for the documents that failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDeck could not reach the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection, the region and any endpoint override, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry. If it keeps happening, check the network or a proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSO sign-in of this profile has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `aws sso login%1` in a terminal, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable AWS credentials were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another profile, enter keys, or fix the profile in ~/.aws, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDeck could not use the service&apos;s answer or refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the IDs and filters, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials are valid but not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for qbusiness:List*/Get* permissions on this application, or choose a profile that has them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service rejected the request&apos;s parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the IDs (36 characters each), the time range and the status filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application, index or data source does not exist in this account and region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the region and pick the resource again from the lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data source is busy: a sync is already running or stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the current run to finish (or stop it), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is throttling requests from this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a moment, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service had an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry in a moment; if it persists, check the AWS Health Dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session credentials have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the credentials (for SSO: `aws sso login%1`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not accept the credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the access key and secret of the profile (and the clock of this computer), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the message, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository the connector reads rate-limited it%1, so the sync stopped before it was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the repository&apos;s rate limit resets, or sync less often, then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository answered that what the connector reads does not exist%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the site, bucket or URL in the data source&apos;s configuration, then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository rejected the connector&apos;s credentials%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the credentials in the data source&apos;s secret (or authorize the connector again), then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository refused the connector access%1: its account lacks a permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the connector&apos;s account what the error message names, then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector could not reach the repository%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the repository is up and reachable from AWS (its URL, firewall and VPC settings), then start the sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and the system clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your IAM identity is allowed qbusiness:%1 on this resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the values named above and run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the IDs: list-applications, list-indices and list-data-sources show the ones that exist in this region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync job is already running or stopping: wait for it (see list-data-source-sync-jobs --status-filter SYNCING) or stop it with stop-data-source-sync-job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service quota of this account is used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for running sync jobs to finish, or ask for a higher quota, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for running sync jobs to finish, or ask for a higher quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is throttling: run again later, or raise AWS_MAX_ATTEMPTS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the application ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data source ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix %1 as the reason above says, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix %1 as the reason above says and run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sync to stop: no run of this data source is in progress, or it is already stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do: the table shows the latest run and its status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to stop: list-data-source-sync-jobs --status-filter SYNCING shows what is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow the time range or the status filter so that pages are smaller, or check in Settings that the endpoint is an Amazon Q Business endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportJobsDialog</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InProcessDemo</name>
    <message>
        <source>Check that 127.0.0.1 accepts connections, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the demo state file, then start SyncDeck again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>Dashboard for Amazon Q Business data source sync jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the built-in demo service (no AWS account needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve exactly this fixture in the demo service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this profile of ~/.aws.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send requests to this endpoint instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this data source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only runs with this status (e.g. FAILED).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs that started at or after this time (ISO 8601).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs that started before this time (ISO 8601).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run syncdeck --help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run syncdeck --help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo and --profile exclude each other: the demo has its own keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-state needs --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing: give --application-id, --index-id and --data-source-id together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a Q Business ID (36 letters, digits and dashes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status-filter &quot;%1&quot; is not a status; use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a time; use ISO 8601, e.g. 2024-05-01T12:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--end-time must be after --start-time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the history cache in this folder (default: the settings, else the user&apos;s cache folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cache-dir needs a folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>MFA code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 assumes a role that needs a code from your MFA device
%2.

Enter the current code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for profile %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionConfig</name>
    <message>
        <source>You must specify a region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass --region (e.g. --region us-east-1), set AWS_REGION, or add region to the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint &quot;%1&quot; (from %2) is not an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix it, e.g. https://qbusiness.us-east-1.api.aws.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeTicks</name>
    <message>
        <source>%1, local time (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::qbusiness</name>
    <message>
        <source>Could not create %1: %2. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2. Check the free disk space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2. The previous file, if any, is unchanged; check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::qbusiness::ResourceListModel</name>
    <message>
        <source>%1
ID: %2
Status: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Connector: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::qbusiness::SyncJobLoader</name>
    <message>
        <source>Not connected: choose a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jobs listed so far are shown. Report this to the service owner; Refresh lists the data source again from the first page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::qbusiness::SyncJobModel</name>
    <message>
        <source>Not reported by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time; the tooltip of a cell shows UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents, as reported in the job&apos;s metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing (indexing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2h %3m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m %3s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (kept locally)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent a value SyncDeck cannot read (%1); the job&apos;s other values are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept locally; no longer returned by the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui</name>
    <message>
        <source>Clear the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More %1 controls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::CachedHistory</name>
    <message>
        <source>never refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: cached, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached, %1 — refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached, %1 — refresh failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ChartsPanel</name>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status and duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export runs as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export runs as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts show the runs of the data source listed above, once it has any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show data as table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures and streaks below describe only the runs listed (%1), not the data source&apos;s whole history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ConnectionBar</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data source ARN, console URL, or app/index/data source IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (built-in service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — has errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reg&amp;ion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment credentials (temporary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID %1 and its secret key%2, from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and session token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not defined in the AWS config or credentials file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ConnectionController</name>
    <message>
        <source>This build of SyncDeck has no demo service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile of ~/.aws or enter keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo service could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys alone do not say which region to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a region in the connection bar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint for region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the endpoint in File → Connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment&apos;s credentials cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile from the Profile list, or add [profile %1] to the AWS config file, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CloudWatch Logs endpoint is known for region %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, or the cloudwatch_logs endpoint_url of the profile&apos;s [services] section.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::DashboardDocks</name>
    <message>
        <source>Run details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts and insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::DashboardMenus</name>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to data source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter loaded rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SyncDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SyncDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDeck %1

The sync history of Amazon Q Business data sources: which run failed, when, why, and whether it is getting worse.

It reads profiles, regions and endpoints from ~/.aws as the AWS CLI does, and signs its own requests. The Demo profile runs a local service with made-up data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::DocumentDetails</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the document&apos;s source in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the source URI in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the source URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;raw event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the raw event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a document to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crawl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream %1, event %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 of %2 bytes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the &amp;raw event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source URI is not a web address, so SyncDeck does not open it; it was copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the source URI in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser opened the source URI; it was copied to the clipboard: paste it into a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the source URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy URI</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::EnterKeysDialog</name>
    <message>
        <source>Enter AWS keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session token (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access key ID (it starts with AKIA or ASIA) and its secret access key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ErrorBanner</name>
    <message>
        <source>Next step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::FailureGroupList</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed and skipped documents grouped by reason; choose one to list its documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed and skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

For example: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen %1, last seen %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::FilterBar</name>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from the service (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter loaded rows (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter loaded rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load every page of this listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rang&amp;e:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading; the rows loaded so far stay (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::FleetModel</name>
    <message>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(data sources of this index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(indices of this application)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(applications of this region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of the last runs failed</source>
        <translation>
            <numerusform>%n of the last runs failed</numerusform>
            <numerusform>%n of the last runs failed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs seen, %2 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::FleetNavigator</name>
    <message>
        <source>F&amp;leet overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every data source&apos;s sync health at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::FleetPage</name>
    <message>
        <source>Filter by name, ID, region, type or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter data sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show data sources that are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All data sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the fleet scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet scan progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet scan status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sources of the fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile to see its data sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This region (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovering data sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Scanning: %1 of %n data sources</source>
        <translation>
            <numerusform>Scanning: %1 of %n data source</numerusform>
            <numerusform>Scanning: %1 of %n data sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanning: %1 data sources found in %n applications so far</source>
        <translation>
            <numerusform>Scanning: %1 data sources found in %n application so far</numerusform>
            <numerusform>Scanning: %1 data sources found in %n applications so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data sources, scanned at %1</source>
        <translation>
            <numerusform>%n data source, scanned at %1</numerusform>
            <numerusform>%n data sources, scanned at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan stopped at %1: %2 of %n data sources are current</source>
        <translation>
            <numerusform>Scan stopped at %1: %2 of %n data source is current</numerusform>
            <numerusform>Scan stopped at %1: %2 of %n data sources are current</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n rows could not be read completely</source>
        <translation>
            <numerusform>; %n row could not be read completely</numerusform>
            <numerusform>; %n rows could not be read completely</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::FleetTiles</name>
    <message>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n data sources</source>
        <translation>
            <numerusform>%1: %n data source</numerusform>
            <numerusform>%1: %n data sources</numerusform>
        </translation>
    </message>
    <message>
        <source>Show only the %1 data sources (click again to show all)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::HistoryCacheController</name>
    <message>
        <source>History cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> SyncDeck works without it: every data source is listed from the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the cached history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDeck cannot reach the service. The runs, charts and details are from the history cache, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not clear the history cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared the history cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared the cached history of this data source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::JobDetailsPanel</name>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it means:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the execution ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the run as JSON, as the AWS CLI prints it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data source in the AWS console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this run&apos;s document report in CloudWatch Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error reported for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in c&amp;onsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log strea&amp;m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied execution ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied run %1 as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data source&apos;s console page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run&apos;s log stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 in the web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser opened; copied the address of %1 to paste in one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::JobStatusProxyModel</name>
    <message>
        <source>Succeeded but scanned no documents: check the data source&apos;s connection, filters and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::JobsPage</name>
    <message>
        <source>Could not load sync jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live refresh failed (it will try again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the custom range is not after its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: choose a data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading sync jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 job loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · loading all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · more available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · all loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering %1 loaded rows: %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile to connect — or the Demo profile to try SyncDeck with built-in data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an application, an index and a data source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync jobs could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs in this range or with this status. Widen the time range or choose All statuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data source has never synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped loading sync jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync jobs could not be loaded (see the message above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · listing stopped: the service repeated a page token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · listing stopped: too many empty pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · the next page failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n with an unreadable value</source>
        <translation>
            <numerusform> · %n with an unreadable value</numerusform>
            <numerusform> · %n with an unreadable value</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) of this page had a value SyncDeck cannot read: %1</source>
        <translation>
            <numerusform>%n job of this page had a value SyncDeck cannot read: %1</numerusform>
            <numerusform>%n jobs of this page had a value SyncDeck cannot read: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jobs are shown with that value marked &quot;unreadable&quot;; their other values are correct. Report the execution IDs to the service owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some values could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::JobsStatus</name>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (see the message above)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::MainWindow</name>
    <message>
        <source>SyncDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are looking at the built-in demo service on this computer, not at AWS. Choose a profile to see your own data sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data source picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ilters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n rows)</source>
        <translation>
            <numerusform>Saved %1 (%n row)</numerusform>
            <numerusform>Saved %1 (%n rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — SyncDeck</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::NotificationBanner</name>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::PaneCycler</name>
    <message>
        <source>&amp;Next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::PaneRegistry</name>
    <message>
        <source>&amp;Move focus to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ReportPanel</name>
    <message>
        <source>Choose a run to see which documents failed, and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents in the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement with the run&apos;s metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report reading state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, document ID, source URI, error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed and skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable or with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the report again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the listed documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;JSON Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Logs Insights &amp;query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the Logs Insights query of this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a CloudWatch Logs Insights query that shows these documents in the AWS console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no CloudWatch Logs connection: choose a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed · %2 skipped · %3 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 without a known status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About to read the report of run %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n documents to %1</source>
        <translation>
            <numerusform>Exported %n document to %1</numerusform>
            <numerusform>Exported %n documents to %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (the report was still being read: export again for the rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the Logs Insights query of this view: paste it into CloudWatch Logs Insights, log group %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading the report: %Ln events so far…</source>
        <translation>
            <numerusform>Reading the report: %Ln event so far…</numerusform>
            <numerusform>Reading the report: %Ln events so far…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The run is still syncing: new documents appear as they are reported (%Ln events so far).</source>
        <translation>
            <numerusform>The run is still syncing: new documents appear as they are reported (%Ln event so far).</numerusform>
            <numerusform>The run is still syncing: new documents appear as they are reported (%Ln events so far).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read all %Ln events of the report.</source>
        <translation>
            <numerusform>Read the %Ln event of the report.</numerusform>
            <numerusform>Read all %Ln events of the report.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match the view.</source>
        <translation>
            <numerusform>%Ln matches the view.</numerusform>
            <numerusform>%Ln match the view.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ResourceLevel</name>
    <message>
        <source>Could not list applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list indices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list data sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::ResourcePicker</name>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Application:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;ndex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data so&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown by ID: %1. Only the names are missing; the sync history needs qbusiness:ListDataSourceSyncJobs alone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::RunNotifier</name>
    <message>
        <source>A sync run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2 ended FAILED%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A data source is failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is stopping; its status updates in the table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::SettingsDialog</name>
    <message>
        <source>Connection settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: https://qbusiness.REGION.api.aws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint override:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must be an http:// or https:// URL with a host, e.g. https://qbusiness.us-east-1.api.aws.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet automatic refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fleet refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History cache folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History cache size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History cache age limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;whole cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear this &amp;data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History &amp;cache folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache &amp;size limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop runs &amp;older than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::SyncControl</name>
    <message>
        <source>&amp;Sync now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a sync of %1 now? It reads the whole repository and may take a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running sync of %1? Documents synced so far stay in the index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync could not be stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts</name>
    <message>
        <source>Could not create %1: %2. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the image %1: %2. Check the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync history chart exported by SyncDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the SVG drawing for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2. The previous file, if any, is unchanged; check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts::ChartSummary</name>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show data as &amp;table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents per run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run status over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed documents not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; last run: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts::DurationChartView</name>
    <message>
        <source>Duration (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts::KpiStrip</name>
    <message>
        <source>Succeeded runs among finished runs (succeeded, failed, incomplete, aborted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the latest successful run ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs with status FAILED, and how many of the latest runs failed in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean duration of finished runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile (nearest rank) of the duration of finished runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents that failed to sync, summed over all runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs that SUCCEEDED but scanned no documents: often a connector or filter problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last success · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last success · none loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>failing now: %n in a row</source>
        <translation>
            <numerusform>failing now: %n in a row</numerusform>
            <numerusform>failing now: %n in a row</numerusform>
        </translation>
    </message>
    <message>
        <source>longest streak %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs failed · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded, 0 scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success rate · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no successful run loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the latest runs are failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln runs</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
    <message>
        <source>mean duration · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents did not sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs succeeded with 0 documents scanned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the connector and its filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts::MetricsChartView</name>
    <message>
        <source>Documents per run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 · Modified %2 · Deleted %3 · Failed %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click selects %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents per 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents per %1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts::RunChartView</name>
    <message>
        <source>Selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 · Modified %2 · Deleted %3 · Failed %4 · Scanned %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdeck::ui::charts::StatusTimelineView</name>
    <message>
        <source>Failure streak</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
