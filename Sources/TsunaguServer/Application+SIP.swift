import Media
import NIOCore
import SIP
import Telephony
import Vapor

extension Application {
    /// The `sip` provider: one SIP user agent for the server, each tenant's calls through its own trunk (設定).
    func useSIPTrunk() throws {
        let configuration = tsunaguConfiguration
        let agent = SIPUserAgent(
            eventLoop: eventLoopGroup.next(),
            configuration: SIPUserAgentConfiguration(
                bindHost: configuration.sipHost, bindPort: configuration.sipPort,
                advertisedHost: configuration.sipAdvertisedHost, userAgent: "Tsunagu"),
            logger: Logger(label: "tsunagu.sip"))
        let (database, logger) = (databaseProvider, self.logger)
        var media: WebRTCMediaBridge?
        if let host = configuration.rtpengineHost {
            let address: SocketAddress
            do {
                address = try SocketAddress.makeAddressResolvingHost(host, port: configuration.rtpenginePort)
            } catch {
                // Serving calls without the audio the operator asked for would fail every agent quietly.
                throw ConfigurationError.unresolvable(
                    "RTPENGINE_NG", "\(host):\(configuration.rtpenginePort)", reason: "\(error)")
            }
            let client = NGClient(
                server: address, eventLoop: eventLoopGroup.next(), logger: Logger(label: "tsunagu.media"))
            media = WebRTCMediaBridge(client: client)
            lifecycle.use(NGClientLifecycle(client: client))
        }
        useTelephony(
            SIPTrunk(agent: agent, media: media, logger: Logger(label: "tsunagu.telephony")) { tenantID in
                do {
                    return try await Tenant.sipTrunk(of: tenantID, on: database())
                } catch {
                    logger.error("reading the SIP trunk of tenant \(tenantID) failed: \(error)")
                    return nil
                }
            })
        lifecycle.use(SIPUserAgentLifecycle(agent: agent))
    }
}

/// Opens the socket to rtpengine before the server serves.
struct NGClientLifecycle: LifecycleHandler {
    let client: NGClient

    func willBootAsync(_ application: Application) async throws {
        try await client.start()
        let answered = await client.ping()
        application.logger.notice("rtpengine at \(client.server): \(answered ? "answers" : "does not answer yet")")
    }

    func shutdownAsync(_ application: Application) async {
        await client.shutdown()
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
