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
        <source>&amp;Region:</source>
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
        <source>R&amp;ange:</source>
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
        <source>Copy &amp;ID</source>
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
        <source>Open in &amp;console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data source in the AWS console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log stream</source>
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
</context>
<context>
    <name>syncdeck::ui::JobStatusProxyModel</name>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded but scanned no documents: check the data source&apos;s connection, filters and permissions.</source>
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
        <source> · last page failed</source>
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
</context>
<context>
    <name>syncdeck::ui::JobsStatus</name>
    <message>
        <source>Loading</source>
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
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Run details</source>
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
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts and insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n runs to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
        <source>&amp;Index:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data source:</source>
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
        <source>The run is stopping; its status updates here.</source>
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
        <source>success rate · %1 of %2 finished</source>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <message numerus="yes">
        <source>mean duration · %Ln runs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
    <message>
        <source>Documents per %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
