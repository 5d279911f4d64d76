import YAMLKit

extension ConfigDecoder {
    /// One level of build settings: the keys every level shares, and `buildspec` for a build
    /// that takes one (`build` names it, for the placeholders its path may hold).
    func decodeBuildOverrides(_ r: ObjectReader, build: BuildName? = nil, runs: BuildRuns? = nil) -> BuildOverrides {
        typealias K = BuildSettings.Keys
        var out = BuildOverrides()
        out.image = r.string(K.image.name)
        out.computeType = r.string(K.computeType.name)
        if let n = r.node(K.timeoutMinutes.name), let minutes = r.int(K.timeoutMinutes.name) { out.timeoutMinutes = Located(minutes, at: n.mark) }
        out.architecture = r.string(K.architecture.name).flatMap { a in BuildArchitecture(rawValue: a.value).map { Located($0, at: a.mark) } }
        if r.spec.key(K.buildspec.name) != nil, let path = r.string(K.buildspec.name) {
            let runs = runs ?? build?.runs ?? .once
            let what = build.map { "'buildspec' of build '\($0.rawValue)'" } ?? "'buildspec'"
            if context.checkPlaceholders(path, allowed: runs.placeholders, in: what, because: "it runs \(runs.phrase)") {
                out.buildspec = Located(NamePattern(path.value), at: path.mark)
            }
        }
        if let n = r.node(K.vpc.name) { out.vpc = decodeVPC(n, owner: r.owner).map { Located($0, at: n.mark) } }
        if let n = r.node(K.variables.name) { out.variables = decodeBuildVariables(n, owner: r.owner) }
        if let n = r.node(K.cache.name) { out.cache = decodeCache(n, owner: r.owner).map { Located($0, at: n.mark) } }
        return out
    }

    /// A pipeline's `builds` with its flat `build-image`, `compute-type` and `timeout-minutes`
    /// (which may not say again what `builds` says).
    func decodePipelineBuilds(_ r: ObjectReader, _ names: [BuildName]) -> PipelineBuilds {
        var out = PipelineBuilds()
        let builds = r.object("builds", owner: " in 'builds'\(r.owner)")
        if let b = builds {
            out.all = decodeBuildOverrides(b)
            for name in names {
                guard let one = b.object(name.rawValue, owner: " in build '\(name.rawValue)'\(r.owner)") else { continue }
                out.builds[name.rawValue] = decodeBuildOverrides(one, build: name)
            }
        }
        typealias F = BuildSettings.PipelineKeys
        guard r.spec.key(F.image.name) != nil else { return out }
        func flat<T>(_ key: String, _ value: Located<T>?, _ nested: inout Located<T>?, as name: String) {
            guard let value else { return }
            if nested != nil {
                context.error(
                    "'\(key)' and 'builds.\(name)'\(r.owner) both set the builds' \(name)", at: r.keyMark(key),
                    notes: [.note("'builds.\(name)' given here", at: builds?.keyMark(name)), .help("remove '\(key)'")])
                return
            }
            nested = value
        }
        flat(F.image.name, r.string(F.image.name), &out.all.image, as: BuildSettings.Keys.image.name)
        flat(F.computeType.name, r.string(F.computeType.name), &out.all.computeType, as: BuildSettings.Keys.computeType.name)
        let timeout = r.int(F.timeoutMinutes.name).map { Located($0, at: r.node(F.timeoutMinutes.name)?.mark) }
        flat(F.timeoutMinutes.name, timeout, &out.all.timeoutMinutes, as: BuildSettings.Keys.timeoutMinutes.name)
        return out
    }

    /// `vpc: false`, or the VPC's id, subnets and security groups; nil (after reporting) when
    /// it is neither.
    private func decodeVPC(_ n: Node, owner: String) -> BuildVPC?? {
        if case .mapping = n.kind {
            guard let r = ObjectReader(n, spec: BuildVPC.spec, owner: " in 'vpc'\(owner)", context: context, what: "'vpc'\(owner)"),
                let id = r.string("vpc-id"), let subnets = r.strings("subnets"), let groups = r.strings("security-groups")
            else { return nil }
            var ok = resourceIds([id], prefix: "vpc-", what: "a VPC id")
            ok = resourceIds(subnets, prefix: "subnet-", what: "a subnet id") && ok
            ok = resourceIds(groups, prefix: "sg-", what: "a security group id") && ok
            // [VpcConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-vpcconfig.html)
            for (items, key, limit) in [(subnets, "subnets", 16), (groups, "security-groups", 5)] where items.count > limit {
                context.error("\(items.count) \(key)\(r.owner); CodeBuild takes at most \(limit)", at: r.node(key)?.mark)
                ok = false
            }
            for (items, key) in [(subnets, "subnets"), (groups, "security-groups")] {
                var seen: [String: Located<String>] = [:]
                for item in items {
                    if let first = seen[item.value] {
                        context.error(
                            "'\(item.value)' is listed twice in '\(key)'\(r.owner)", at: item.mark, notes: [.note("first listed here", at: first.mark)])
                        ok = false
                    }
                    seen[item.value] = seen[item.value] ?? item
                }
            }
            return ok ? .some(BuildVPC(vpcId: id.value, subnets: subnets.map(\.value), securityGroups: groups.map(\.value))) : nil
        }
        guard let on = context.bool(n, what: "'vpc'\(owner)") else { return nil }
        if on {
            context.error(
                "'vpc: true'\(owner) does not say which VPC", at: n.mark,
                notes: [.help("give 'vpc-id', 'subnets' and 'security-groups', or write false to turn off a VPC set above")])
            return nil
        }
        return .some(nil)
    }

    /// Each id starts with `prefix` and then holds 8 or 17 hexadecimal digits: the two
    /// lengths of EC2 resource ids, and what CloudFormation's resource schemas accept for a
    /// VPC, subnet or security group id (cfn-lint 1.51.0 checks `AWS::EC2::Subnet.Id` and
    /// `AWS::EC2::SecurityGroup.Id` with `^subnet-([0-9A-Fa-f]{8}|[0-9A-Fa-f]{17})$`).
    /// [Resource IDs](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html)
    private func resourceIds(_ ids: [Located<String>], prefix: String, what: String) -> Bool {
        var ok = true
        for id in ids {
            let rest = id.value.dropFirst(prefix.count)
            if id.value.hasPrefix(prefix), rest.count == 8 || rest.count == 17, rest.allSatisfy(\.isHexDigit) { continue }
            context.error(
                "'\(id.value)' is not \(what)", at: id.mark,
                notes: [.help("write the id: '\(prefix)' and 8 or 17 hexadecimal digits, such as '\(prefix)0a1b2c3d4e5f67890'")])
            ok = false
        }
        return ok
    }

    /// `variables`: names to plain values, parameters or secrets.
    private func decodeBuildVariables(_ n: Node, owner: String) -> [BuildVariable] {
        guard case .mapping(let pairs) = n.kind else {
            context.error("expected a mapping of variable names to values for 'variables'\(owner), found \(n.kindPhrase)", at: n.mark)
            return []
        }
        var out: [BuildVariable] = []
        for pair in pairs {
            let name = pair.key.scalar?.text ?? ""
            guard StringRules.isVariableName(name) else {
                context.error(
                    "'\(name)' is not an environment variable name", at: pair.key.mark,
                    notes: [.help("use letters, digits and '_', not starting with a digit, such as API_URL")])
                continue
            }
            // [Environment variables in build environments](https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html)
            if name.uppercased().hasPrefix("CODEBUILD_") {
                context.error(
                    "variable names starting with 'CODEBUILD_' are CodeBuild's own", at: pair.key.mark,
                    notes: [.help("give the variable another name")])
                continue
            }
            let what = "'\(name)' in 'variables'\(owner)"
            if case .mapping = pair.value.kind {
                if let v = decodeVariableSource(pair.value, name: name, what: what) {
                    out.append(BuildVariable(name: name, source: v.source, kmsKey: v.key, mark: pair.key.mark))
                }
                continue
            }
            guard let value = context.string(pair.value, .string(.text), what: what) else { continue }
            if ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"].contains(name) {
                context.error(
                    "'\(name)' would be written into the template as plain text", at: pair.key.mark,
                    notes: [
                        .help("builds run as their role and need no keys; keep any other credential in Secrets Manager: {secret: <name>}")
                    ])
                continue
            }
            out.append(BuildVariable(name: name, source: .plain(value.value), mark: pair.key.mark))
        }
        return out
    }

    private func decodeVariableSource(_ n: Node, name: String, what: String) -> (source: BuildVariable.Source, key: String?)? {
        guard let r = ObjectReader(n, spec: BuildVariable.spec, owner: " in variable '\(name)'", context: context, what: what)
        else { return nil }
        let parameter = r.string("parameter"), secret = r.string("secret")
        let key = r.string("kms-key")
        if let key, !checkKeyArn(key) { return nil }
        switch (parameter, secret) {
        case (let p?, nil):
            for extra in ["json-key", "version-stage"] where r.has(extra) {
                context.error("'\(extra)' belongs to a secret, and variable '\(name)' is a parameter", at: r.keyMark(extra))
                return nil
            }
            guard Self.isParameterName(p.value) else {
                context.error(
                    "'\(p.value)' is not a Parameter Store parameter name", at: p.mark,
                    notes: [
                        .help(
                            "write the parameter's name, such as '/shop/api-url' (letters, digits and '_', '.', '-', '/'); builds read the parameters of the tooling account and home region")
                    ])
                return nil
            }
            return (.parameter(p.value), key?.value)
        case (nil, let s?):
            guard checkSecret(s) else { return nil }
            return (.secret(id: s.value, jsonKey: r.string("json-key")?.value, versionStage: r.string("version-stage")?.value), key?.value)
        case (.some, .some):
            context.error("variable '\(name)' has both 'parameter' and 'secret'", at: r.keyMark("secret"), notes: [.help("keep one")])
        case (nil, nil):
            context.error(
                "variable '\(name)' has neither 'parameter' nor 'secret'", at: n.mark,
                notes: [.help("write {parameter: <name>} or {secret: <name or ARN>}, or the plain value")])
        }
        return nil
    }

    /// A parameter name: letters, digits, `_`, `.`, `-`, `/`, at most 2048 characters, and a
    /// leading `/` only as the start of a path.
    /// [PutParameter](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html)
    static func isParameterName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 2048 && !s.hasPrefix("arn:") && !s.contains("//")
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-/".unicodeScalars.contains($0)) }
    }

    /// A secret's name (any version of it is read), or its full ARN.
    private func checkSecret(_ s: Located<String>) -> Bool {
        if s.value.hasPrefix("arn:") {
            let f = s.value.split(separator: ":", maxSplits: 6, omittingEmptySubsequences: false)
            guard f.count == 7, f[2] == "secretsmanager", f[5] == "secret", !f[6].isEmpty, !f[6].contains(":") else {
                context.error(
                    "'\(s.value)' is not a Secrets Manager secret ARN", at: s.mark,
                    notes: [.help("secret ARNs look like arn:aws:secretsmanager:eu-west-1:111111111111:secret:shop/api-token-AbCdEf, or write the secret's name")])
                return false
            }
            return true
        }
        // [CreateSecret](https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html)
        let ok =
            !s.value.isEmpty && s.value.utf8.count <= 512
            && s.value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/_+=.@-".unicodeScalars.contains($0)) }
        if !ok {
            context.error(
                "'\(s.value)' is not a Secrets Manager secret name", at: s.mark,
                notes: [.help("secret names hold letters, digits and '/_+=.@-'")])
        }
        return ok
    }

    /// A KMS key ARN (`arn:<partition>:kms:<region>:<account>:key/<id>`): an alias does not
    /// authorize `kms:Decrypt` in a policy.
    /// [Specifying KMS keys in IAM policy statements](https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html)
    func checkKeyArn(_ key: Located<String>) -> Bool {
        let f = key.value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard f.count == 6, f[2] == "kms", !f[3].isEmpty, f[4].count == 12, f[5].hasPrefix("key/"), f[5].count > 4 else {
            context.error(
                "'\(key.value)' is not a KMS key ARN", at: key.mark,
                notes: [.help("write the key's ARN, arn:<partition>:kms:<region>:<account>:key/<key id>; an alias ARN does not grant the key's use")])
            return false
        }
        return true
    }

    /// `cache: none | s3`, or a list of local cache modes.
    private func decodeCache(_ n: Node, owner: String) -> BuildCache? {
        if case .sequence = n.kind {
            let type = ValueType.choice(LocalCacheMode.allCases.map(\.rawValue))
            guard let items = context.list(n, minItems: 1, what: "'cache'\(owner)") else { return nil }
            let modes = items.compactMap { context.string($0, type, what: "a local cache mode of 'cache'\(owner)") }.compactMap { LocalCacheMode(rawValue: $0.value) }
            guard modes.count == items.count, !modes.isEmpty else { return nil }
            return .local(LocalCacheMode.allCases.filter(modes.contains))
        }
        guard let s = n.scalar, !s.isNull else {
            context.error(
                "expected 'none', 's3' or a list of local cache modes for 'cache'\(owner), found \(n.kindPhrase)", at: n.mark)
            return nil
        }
        guard let v = context.string(n, .choice(BuildCache.choices + LocalCacheMode.allCases.map(\.rawValue)), what: "'cache'\(owner)") else { return nil }
        if let mode = LocalCacheMode(rawValue: v.value) {
            context.error("a local cache is a list of modes", at: n.mark, notes: [.help("write [\(mode.rawValue)]")])
            return nil
        }
        return v.value == "s3" ? .s3 : BuildCache.none
    }
}

extension ConfigDecoder {
    /// A path the pipeline reads once for every environment (a template, a Dockerfile): its
    /// value, or the key's default; a placeholder in it has no value and is an error.
    func onceRunPath(_ r: ObjectReader, _ key: Key<String>) -> String {
        onceRunPath(r, key.name) ?? key.defaultValue
    }

    func onceRunPath(_ r: ObjectReader, _ key: String) -> String? {
        guard let path = r.string(key) else { return nil }
        _ = context.checkPlaceholders(path, allowed: [], in: "'\(key)'\(r.owner)", because: "it is read once for every environment")
        return path.value
    }

    /// A path pattern read for each deploy: `{env}`, `{region}` and `{account}` are replaced.
    func deployPath(_ r: ObjectReader, _ key: Key<NamePattern>) -> NamePattern {
        guard let path = r.string(key.name) else { return key.defaultValue }
        _ = context.checkPlaceholders(
            path, allowed: [.project, .env, .region, .account], in: "'\(key.name)'\(r.owner)", because: "it is a path of each deploy")
        return NamePattern(path.value)
    }
}

extension DecodeContext {
    /// Reports each `{...}` of `value` that is no placeholder (with the closest one), or one
    /// that has no value here; true when there is none.
    func checkPlaceholders(_ value: Located<String>, allowed: [NamePattern.Placeholder], in what: String, because reason: String) -> Bool {
        var ok = true
        for token in NamePattern(value.value).tokens {
            if let known = NamePattern.Placeholder(rawValue: token) {
                guard !allowed.contains(known) else { continue }
                error(
                    "'{\(token)}' has no value in \(what): \(reason)", at: value.mark,
                    notes: [.help(allowed.count <= 1 ? "remove it" : "remove it, or use \(allowed.map(\.token).joined(separator: ", "))")])
            } else {
                var notes: [Diagnostic.Note] = []
                if let guess = Suggest.closest(to: token, in: NamePattern.Placeholder.allCases.map(\.rawValue)) {
                    notes.append(.help("did you mean '{\(guess)}'?"))
                } else {
                    notes.append(.help("placeholders here: \(allowed.map(\.token).joined(separator: ", "))"))
                }
                error("unknown placeholder '{\(token)}' in \(what)", at: value.mark, notes: notes)
            }
            ok = false
        }
        return ok
    }
}
