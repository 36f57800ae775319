import TsunaguCore

/// The reports a simulated call produces and when, before anyone hangs up. Pure: the carrier schedules them on
/// its clock, divided by the time scale.
public struct SimulatedCallTimeline: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        /// Seconds after the call was placed (already divided by the time scale).
        public var at: Double
        public var progress: CallProgress

        public init(at: Double, progress: CallProgress) {
            self.at = at
            self.progress = progress
        }
    }

    public var steps: [Step]

    /// - Parameters:
    ///   - ringTimeoutSeconds: when an unanswered call is given up (at most 120 s, 端末設備等規則).
    ///   - timeScale: 1 for real time; 60 makes a minute pass in a second (demos and tests).
    public init(behaviour: SimulatedBehaviour, ringTimeoutSeconds: Double, timeScale: Double) {
        precondition(timeScale > 0, "the time scale must be positive")
        let timeout = min(max(1, ringTimeoutSeconds), 120)
        let ringingAt = 0.5
        func scaled(_ seconds: Double) -> Double { seconds / timeScale }
        switch behaviour {
        case .answer(let seconds) where seconds < timeout:
            steps = [Step(at: scaled(ringingAt), progress: .ringing), Step(at: scaled(seconds), progress: .answered)]
        case .answer, .ringOut:
            steps = [
                Step(at: scaled(ringingAt), progress: .ringing),
                Step(at: scaled(timeout), progress: .ended(.unanswered(.noAnswer))),
            ]
        case .busy(let seconds):
            steps = [Step(at: scaled(min(seconds, timeout)), progress: .ended(.unanswered(.busy)))]
        case .invalidNumber:
            steps = [Step(at: scaled(ringingAt), progress: .ended(.unanswered(.invalidNumber)))]
        case .reject(let seconds):
            steps = [
                Step(at: scaled(ringingAt), progress: .ringing),
                Step(at: scaled(min(seconds, timeout)), progress: .ended(.unanswered(.rejected))),
            ]
        }
    }
}
