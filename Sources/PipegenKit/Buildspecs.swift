import YAMLKit

/// A CodeBuild buildspec (version 0.2) as data: the YAML writer turns it into text, so
/// multi-line scripts become literal blocks and every command is quoted exactly as needed.
struct Buildspec {
    /// `bash` for scripts that use bash features; nil for CodeBuild's default shell.
    var shell: String? = "bash"
    var install: [String] = []
    var preBuild: [String] = []
    var build: [String]
    /// Files of the output artifact.
    var artifacts: [String] = []

    var document: Document {
        var top: [Document.Entry] = [.init("version", .double(0.2))]
        if let shell { top.append(.init("env", ["shell": .string(shell)])) }
        var phases: [Document.Entry] = []
        for (name, commands) in [("install", install), ("pre_build", preBuild), ("build", build)] where !commands.isEmpty {
            phases.append(.init(name, ["commands": .list(commands.map { .string($0) })]))
        }
        top.append(.init("phases", .map(phases)))
        if !artifacts.isEmpty { top.append(.init("artifacts", ["files": .list(artifacts.map { .string($0) })])) }
        return .map(top)
    }

    var text: String { YAMLWriter().write(document) }
}

/// The inline buildspecs of the generated CodeBuild projects. Each reads its parameters from
/// environment variables set on the project or the pipeline action, so one text serves every
/// environment and the buildspec never needs editing.
enum Buildspecs {
    /// Versions of the linters the lint build installs: pinned, so a new release cannot break
    /// a pipeline that passed yesterday.
    static let cfnLintVersion = "1.51.0"
    static let cfnNagVersion = "0.8.10"

    /// A bash script run with `set -euo pipefail` as the build phase.
    static func script(_ body: String, artifacts: [String] = []) -> String {
        Buildspec(build: ["set -euo pipefail\n" + body], artifacts: artifacts).text
    }

    /// Builds the image, tags it `latest` and with the commit (or build number), pushes both,
    /// and writes `imageDetail.json` for the deployment pipeline. Pushes run in the build
    /// phase so that a failed build never pushes.
    static let imageBuild = Buildspec(
        shell: nil,
        preBuild: [
            #"aws ecr get-login-password --region "$AWS_DEFAULT_REGION" | docker login --username AWS --password-stdin "$REGISTRY""#,
            #"TAG="$(printf '%s' "${CODEBUILD_RESOLVED_SOURCE_VERSION:-build-$CODEBUILD_BUILD_NUMBER}" | cut -c1-12)""#,
        ],
        build: [
            #"docker build --file "$DOCKERFILE" --tag "$REGISTRY/$REPOSITORY:$TAG" --tag "$REGISTRY/$REPOSITORY:latest" "$CONTEXT""#,
            #"docker push "$REGISTRY/$REPOSITORY:$TAG""#,
            #"docker push "$REGISTRY/$REPOSITORY:latest""#,
            #"printf '{"ImageURI":"%s"}\n' "$REGISTRY/$REPOSITORY:$TAG" > imageDetail.json"#,
        ],
        artifacts: ["imageDetail.json"]
    ).text

    /// Zips each sub-folder of the Lambda folder reproducibly (sorted entries, fixed
    /// timestamps, no extra attributes), stores it under a key made of its SHA-256 in the
    /// artifact bucket of every region (naming each region's key), and lists `name key`
    /// lines in `functions.txt`.
    static let lambdaPackage = script(
        #"""
        : > functions.txt
        for dir in "$LAMBDA_FOLDER"/*/; do
          [ -d "$dir" ] || continue
          name="$(basename "$dir")"
          zip_file="$PWD/$name.zip"
          (cd "$dir" && find . -exec touch -h -d '1980-01-01T00:00:00Z' {} + && find . -type f | LC_ALL=C sort | zip -X -q "$zip_file" -@)
          key="$LAMBDA_PREFIX/$name/$(sha256sum "$zip_file" | cut -c1-16).zip"
          for store in $ARTIFACT_STORES; do
            IFS='|' read -r region bucket key_arn <<< "$store"
            aws s3 cp --only-show-errors --region "$region" --sse aws:kms --sse-kms-key-id "$key_arn" "$zip_file" "s3://$bucket/$key"
          done
          printf '%s %s\n' "$name" "$key" >> functions.txt
          echo "packaged $name as $key"
        done
        [ -s functions.txt ] || echo "warning: no function folders under $LAMBDA_FOLDER"

        """#, artifacts: ["functions.txt"])

    /// Lints the template with the configured tools; any finding fails the stage.
    static func templateLint(tools: [String]) -> String {
        var spec = Buildspec(shell: nil, build: [])
        if tools.contains("cfn-lint") {
            spec.install.append(#"pip install --quiet "cfn-lint==\#(cfnLintVersion)""#)
            spec.build.append(#"cfn-lint "$TEMPLATE""#)
        }
        if tools.contains("cfn-nag") {
            spec.install.append("gem install --no-document cfn-nag -v \(cfnNagVersion)")
            spec.build.append(#"cfn_nag_scan --input-path "$TEMPLATE""#)
        }
        return spec.text
    }

    /// Runs the configured test command in the source checkout; the deploy's outputs arrive
    /// as environment variables set by the action.
    static let integrationTests = Buildspec(
        build: [#"echo "integration tests of $ENVIRONMENT""#, #"bash -euo pipefail -c "$TEST_COMMAND""#]
    ).text

    /// Waits until the image of `imageDetail.json` has been replicated to the registry of
    /// `TARGET_REGION`, then writes `imageDetail.json` pointing at that replica, so each
    /// region's tasks pull from their own region.
    static let imageLocate = script(
        #"""
        uri="$(sed -n 's/.*"ImageURI" *: *"\([^"]*\)".*/\1/p' imageDetail.json)"
        image="${uri#*/}"
        # The ECR source names the image by digest (repo@sha256:...); a build's by tag (repo:tag).
        if [[ "$image" == *@* ]]; then
          repository="${image%@*}"; image_id="imageDigest=${image#*@}"
        else
          repository="${image%:*}"; image_id="imageTag=${image##*:}"
        fi
        for attempt in $(seq 1 60); do
          if aws ecr describe-images --region "$TARGET_REGION" --repository-name "$repository" --image-ids "$image_id" > /dev/null 2>&1; then
            printf '{"ImageURI":"%s"}\n' "$(printf '%s' "$uri" | sed "s/\.dkr\.ecr\.$AWS_DEFAULT_REGION\./.dkr.ecr.$TARGET_REGION./")" > imageDetail.json
            cat imageDetail.json
            exit 0
          fi
          echo "waiting for $image in $TARGET_REGION ($attempt/60)"
          sleep 15
        done
        echo "the image was not replicated to $TARGET_REGION within 15 minutes" >&2
        exit 1

        """#, artifacts: ["imageDetail.json"])

    /// Assumes the environment's Lambda-update role and points every packaged function at its
    /// new zip, waiting until each update has finished.
    static let lambdaUpdate = script(
        #"""
        read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<< "$(aws sts assume-role --role-arn "$TARGET_ROLE_ARN" --role-session-name "pipegen-$ENVIRONMENT" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
        export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
        while read -r name key; do
          [ -n "$name" ] || continue
          function_name="${FUNCTION_NAME//\{function\}/$name}"
          echo "updating $function_name in $TARGET_REGION from s3://$ARTIFACT_BUCKET/$key"
          aws lambda update-function-code --region "$TARGET_REGION" --function-name "$function_name" --s3-bucket "$ARTIFACT_BUCKET" --s3-key "$key" --query LastUpdateStatus --output text
          aws lambda wait function-updated --region "$TARGET_REGION" --function-name "$function_name"
        done < functions.txt

        """#)
}
