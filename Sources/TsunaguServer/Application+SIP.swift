import SIP
import Telephony
import Vapor

extension Application {
    /// The `sip` provider: one SIP user agent for the server, each tenant's calls through its own trunk (設定).
    func useSIPTrunk() {
        let configuration = tsunaguConfiguration
        let agent = SIPUserAgent(
            eventLoop: eventLoopGroup.next(),
            configuration: SIPUserAgentConfiguration(
                bindHost: configuration.sipHost, bindPort: configuration.sipPort,
                advertisedHost: configuration.sipAdvertisedHost, userAgent: "Tsunagu"),
            logger: Logger(label: "tsunagu.sip"))
        let database = databaseProvider
        useTelephony(SIPTrunk(agent: agent) { tenantID in (try? await Tenant.find(tenantID, on: database()))?.sipTrunk })
        lifecycle.use(SIPUserAgentLifecycle(agent: agent))
    }
}

/// Binds the SIP socket before the server serves, and closes it on shutdown.
struct SIPUserAgentLifecycle: LifecycleHandler {
    let agent: SIPUserAgent

    func willBootAsync(_ application: Application) async throws {
        let address = try await agent.start()
        application.logger.notice("SIP user agent on \(address)")
    }

    func shutdownAsync(_ application: Application) async {
        await agent.shutdown()
    }
}
