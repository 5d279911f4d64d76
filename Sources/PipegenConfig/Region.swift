/// An AWS partition: accounts and regions of different partitions cannot work together.
public enum Partition: String, Sendable, CaseIterable {
    case aws
    case awsCn = "aws-cn"
    case awsUsGov = "aws-us-gov"

    /// The name as written in ARNs.
    public var name: String { rawValue }

    /// The console's host for this partition.
    public var consoleHost: String {
        switch self {
        case .aws: return "console.aws.amazon.com"
        case .awsCn: return "console.amazonaws.cn"
        case .awsUsGov: return "console.amazonaws-us-gov.com"
        }
    }
}

/// The regions pipegen knows, with their partitions.
public enum Region {
    public static let commercial = [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
        "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
        "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1",
        "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1",
        "us-west-2",
    ]
    public static let china = ["cn-north-1", "cn-northwest-1"]
    public static let govCloud = ["us-gov-east-1", "us-gov-west-1"]

    public static let all = commercial + china + govCloud

    public static func isKnown(_ name: String) -> Bool { all.contains(name) }

    public static func partition(of region: String) -> Partition {
        if china.contains(region) { return .awsCn }
        if govCloud.contains(region) { return .awsUsGov }
        return .aws
    }
}
