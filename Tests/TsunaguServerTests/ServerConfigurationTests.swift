import Testing

@testable import TsunaguServer

@Suite struct ServerConfigurationTests {
    @Test func rtpengineAddress() {
        let configured = ServerConfiguration.fromEnvironment(["RTPENGINE_NG": "127.0.0.1:22233"])
        #expect(configured.rtpengineHost == "127.0.0.1")
        #expect(configured.rtpenginePort == 22233)
        let hostOnly = ServerConfiguration.fromEnvironment(["RTPENGINE_NG": "media.example"])
        #expect(hostOnly.rtpengineHost == "media.example")
        #expect(hostOnly.rtpenginePort == 22222)
        // Not configured, or nonsense: no audio rather than a guess.
        #expect(ServerConfiguration.fromEnvironment([:]).rtpengineHost == nil)
        #expect(ServerConfiguration.fromEnvironment(["RTPENGINE_NG": "host:99999"]).rtpengineHost == nil)
        #expect(ServerConfiguration.fromEnvironment(["RTPENGINE_NG": ":22222"]).rtpengineHost == nil)
    }
}
