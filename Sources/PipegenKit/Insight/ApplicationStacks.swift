import YAMLKit

/// The application stacks a template's pipelines deploy (their CloudFormation actions), read
/// from the template as data so that old templates, which the config no longer describes,
/// are read the same way as new ones.
enum ApplicationStacks {
    /// One stack a CloudFormation action deploys, and the execution role it passes.
    struct Target: Hashable {
        var identity: StackIdentity
        /// The role's name (without path), in `identity.account`.
        var executionRole: String
        var pipeline: String
    }

    /// The stacks the pipelines of `template` deploy, in stage order. `home` is where the
    /// template itself deploys: an action without `Region` runs in its region.
    static func targets(_ template: Document, home: StackIdentity) -> [Target] {
        var out: [Target] = []
        for entry in template["Resources"]?.mapValue ?? [] where entry.value["Type"]?.stringValue == "AWS::CodePipeline::Pipeline" {
            let properties = entry.value["Properties"]
            let pipeline = properties?["Name"]?.stringValue ?? entry.key
            for stage in properties?["Stages"]?.listValue ?? [] {
                for action in stage["Actions"]?.listValue ?? [] where action["ActionTypeId"]?["Provider"]?.stringValue == "CloudFormation" {
                    let configuration = action["Configuration"]
                    guard let stackName = configuration?["StackName"]?.stringValue,
                        let role = roleArn(configuration?["RoleArn"], defaultAccount: home.account)
                    else { continue }
                    let region = action["Region"]?.stringValue ?? home.region
                    let target = Target(
                        identity: StackIdentity(stackName: stackName, account: role.account, region: region),
                        executionRole: role.name, pipeline: pipeline)
                    if !out.contains(target) { out.append(target) }
                }
            }
        }
        return out
    }

    /// The literal names of the IAM roles `template` creates.
    static func roleNames(_ template: Document) -> [String] {
        (template["Resources"]?.mapValue ?? []).compactMap { entry in
            entry.value["Type"]?.stringValue == "AWS::IAM::Role" ? entry.value["Properties"]?["RoleName"]?.stringValue : nil
        }
    }

    /// The account and name of a role ARN written literally or with `Fn::Sub` (pseudo
    /// parameters only): `arn:${AWS::Partition}:iam::222222222222:role/shop-dev-cfn-exec`.
    static func roleArn(_ value: Document?, defaultAccount: String) -> (account: String, name: String)? {
        guard let value else { return nil }
        let text = value.stringValue ?? value["Fn::Sub"]?.stringValue ?? value["Fn::Sub"]?.listValue?.first?.stringValue
        guard let text, let iam = text.firstRange(of: ":iam::") else { return nil }
        let rest = text[iam.upperBound...]
        guard let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix(":role/") else { return nil }
        var account = String(rest[..<colon])
        if account == "${AWS::AccountId}" { account = defaultAccount }
        let path = rest[rest.index(colon, offsetBy: ":role/".count)...]
        guard let name = path.split(separator: "/").last, account.count == 12, account.allSatisfy({ $0.isNumber }) else { return nil }
        return (account, String(name))
    }
}
