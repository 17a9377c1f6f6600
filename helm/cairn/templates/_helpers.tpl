{{/*
Names. Kubernetes names are at most 63 characters: trimmed here, without a trailing "-".
*/}}
{{- define "cairn.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "<release>-<chart>", or the release name alone when it already holds the chart name. */}}
{{- define "cairn.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "cairn.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
"<fullname>-<suffix>", at most 63 characters: the fullname is shortened, never the suffix, so names
stay apart with long release names. Takes (dict "root" $ "suffix" <suffix>).
*/}}
{{- define "cairn.suffixedName" -}}
{{- $room := sub 62 (len .suffix) | int }}
{{- printf "%s-%s" (include "cairn.fullname" .root | trunc $room | trimSuffix "-") .suffix }}
{{- end }}

{{/* Name of one part's resources: "<fullname>-<part>". Takes (dict "root" $ "name" <part>). */}}
{{- define "cairn.componentName" -}}
{{- include "cairn.suffixedName" (dict "root" .root "suffix" .name) }}
{{- end }}

{{/*
Labels
*/}}
{{- define "cairn.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cairn.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "cairn.labels" -}}
helm.sh/chart: {{ include "cairn.chart" . }}
{{ include "cairn.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | toString | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cairn
{{- end }}

{{/* Selector of one part's pods. Takes (dict "root" $ "name" <part>). */}}
{{- define "cairn.componentSelectorLabels" -}}
{{ include "cairn.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* All labels of one part's resources. Takes (dict "root" $ "name" <part>). */}}
{{- define "cairn.componentLabels" -}}
{{ include "cairn.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "cairn.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cairn.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image of one part: [registry/]repository:tag. Takes (dict "root" $ "name" <part>). */}}
{{- define "cairn.image" -}}
{{- $root := .root }}
{{- $c := index $root.Values.components .name }}
{{- $img := $c.image | default dict }}
{{- $repository := $img.repository | default (printf "cairn/%s" .name) }}
{{- $tag := $img.tag | default $root.Values.image.tag | default $root.Chart.AppVersion | toString }}
{{- if $root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $root.Values.image.registry) $repository $tag }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/*
What one part runs as, after the defaults and overrides: YAML read back with fromYaml.
Takes (dict "root" $ "name" <part>).
The local issuer keeps its signing key in the pod, so with it the gateway runs as one replica.
*/}}
{{- define "cairn.effective" -}}
{{- $root := .root }}
{{- $c := index $root.Values.components .name }}
{{- $global := $root.Values.autoscaling }}
{{- $own := $c.autoscaling | default dict }}
{{- $autoscaling := $global.enabled }}
{{- if hasKey $own "enabled" }}{{ $autoscaling = $own.enabled }}{{ end }}
{{- $min := $global.minReplicas }}
{{- if hasKey $own "minReplicas" }}{{ $min = $own.minReplicas }}{{ end }}
{{- $max := $global.maxReplicas }}
{{- if hasKey $own "maxReplicas" }}{{ $max = $own.maxReplicas }}{{ end }}
{{- $cpu := $global.targetCPUUtilizationPercentage }}
{{- if hasKey $own "targetCPUUtilizationPercentage" }}{{ $cpu = $own.targetCPUUtilizationPercentage }}{{ end }}
{{- $memory := $global.targetMemoryUtilizationPercentage | default 0 }}
{{- if hasKey $own "targetMemoryUtilizationPercentage" }}{{ $memory = $own.targetMemoryUtilizationPercentage }}{{ end }}
{{- $replicas := int $c.replicas }}
{{- $singleton := and (eq .name "gateway") $root.Values.auth.localIssuer.enabled }}
{{- if $singleton }}
{{- $autoscaling = false }}
{{- $replicas = 1 }}
{{- end }}
{{- $least := ternary (int $min) $replicas $autoscaling }}
{{- $pdb := and $root.Values.podDisruptionBudget.enabled (gt $least 1) }}
{{- toYaml (dict "enabled" $c.enabled "autoscaling" $autoscaling "minReplicas" (int $min) "maxReplicas" (int $max) "cpu" (int $cpu) "memory" (int $memory) "replicas" $replicas "pdb" $pdb "singleton" $singleton) }}
{{- end }}

{{/*
Secrets
*/}}
{{- define "cairn.appSecretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "cairn.suffixedName" (dict "root" . "suffix" "secrets") }}
{{- end }}
{{- end }}

{{/* "true" when the chart makes the application Secret (it has something to hold). */}}
{{- define "cairn.createAppSecret" -}}
{{- if and (not .Values.secrets.existingSecret) (or .Values.secrets.webhookSigningKey (and .Values.auth.localIssuer.enabled .Values.auth.localIssuer.demoPassword)) }}true{{ end }}
{{- end }}

{{/* "true" when metrics-service gets CAIRN_WEBHOOK_SIGNING_KEY. */}}
{{- define "cairn.hasWebhookSigningKey" -}}
{{- if or .Values.secrets.existingSecret .Values.secrets.webhookSigningKey }}true{{ end }}
{{- end }}

{{/* The bundled MongoDB's Service, named as charts/mongodb names it ("mongodb.fullname"). */}}
{{- define "cairn.bundledMongodbHost" -}}
{{- printf "%s-mongodb" (.Release.Name | trunc 46 | trimSuffix "-") }}
{{- end }}

{{/* "true" when the chart makes the Secret with the shared MongoDB connection string. */}}
{{- define "cairn.createMongodbSecret" -}}
{{- if .Values.mongodb.bundled.enabled }}true
{{- else if and .Values.mongodb.external.enabled .Values.mongodb.external.uri (not .Values.mongodb.external.existingSecret) }}true
{{- end }}
{{- end }}

{{- define "cairn.mongodbSecretName" -}}
{{- include "cairn.suffixedName" (dict "root" . "suffix" "mongodb-uri") }}
{{- end }}

{{/* The shared connection string that the chart stores: the external uri, or one to the bundled MongoDB. */}}
{{- define "cairn.mongodbUri" -}}
{{- if .Values.mongodb.bundled.enabled }}
{{- $auth := .Values.mongodb.bundled.auth }}
{{- $password := required "mongodb.bundled.auth.rootPassword is required when mongodb.bundled.enabled is true" $auth.rootPassword | toString }}
{{- printf "mongodb://%s:%s@%s:27017/?authSource=admin" ($auth.rootUser | urlquery | replace "+" "%20") ($password | urlquery | replace "+" "%20") (include "cairn.bundledMongodbHost" .) }}
{{- else }}
{{- .Values.mongodb.external.uri }}
{{- end }}
{{- end }}

{{/*
The Secret reference of one service's MONGODB_URI, as YAML (name, key).
Takes (dict "root" $ "name" <part>).
*/}}
{{- define "cairn.mongodbSecretRef" -}}
{{- $root := .root }}
{{- $c := index $root.Values.components .name }}
{{- $own := $c.mongodb | default dict }}
{{- if $own.existingSecret }}
name: {{ $own.existingSecret }}
key: {{ $own.existingSecretKey | default "mongodb-uri" }}
{{- else if and $root.Values.mongodb.external.enabled $root.Values.mongodb.external.existingSecret }}
name: {{ $root.Values.mongodb.external.existingSecret }}
key: {{ $root.Values.mongodb.external.existingSecretKey | default "mongodb-uri" }}
{{- else }}
name: {{ include "cairn.mongodbSecretName" $root }}
key: mongodb-uri
{{- end }}
{{- end }}

{{/*
Security
*/}}
{{/* The JWK set URI the parts fetch signing keys from. */}}
{{- define "cairn.jwkSetUri" -}}
{{- if .Values.auth.jwkSetUri }}
{{- .Values.auth.jwkSetUri }}
{{- else if .Values.auth.localIssuer.enabled }}
{{- printf "http://%s:%v/oauth2/jwks" (include "cairn.componentName" (dict "root" . "name" "gateway")) .Values.components.gateway.port }}
{{- else }}
{{- required "auth.jwkSetUri is required when auth.localIssuer.enabled is false (the issuer's jwks_uri)" .Values.auth.jwkSetUri }}
{{- end }}
{{- end }}

{{/* The port of a http(s) URL: the explicit one, else 443 for https and 80 for http. */}}
{{- define "cairn.urlPort" -}}
{{- $url := urlParse . }}
{{- if regexMatch ":[0-9]+$" $url.host }}
{{- regexFind "[0-9]+$" $url.host }}
{{- else if eq $url.scheme "https" }}443
{{- else }}80
{{- end }}
{{- end }}

{{/* The emptyDir spec of /tmp, as JSON. */}}
{{- define "cairn.tmpVolume" -}}
{{- $spec := dict }}
{{- if .Values.tmpVolume.medium }}{{ $_ := set $spec "medium" .Values.tmpVolume.medium }}{{ end }}
{{- if .Values.tmpVolume.sizeLimit }}{{ $_ := set $spec "sizeLimit" .Values.tmpVolume.sizeLimit }}{{ end }}
{{- toJson $spec }}
{{- end }}

{{/*
Checks of the values that the schema cannot express; included by configmap.yaml.
*/}}
{{- define "cairn.validate" -}}
{{- $mongodb := .Values.mongodb }}
{{- if and $mongodb.external.enabled $mongodb.bundled.enabled }}
{{- fail "mongodb.external.enabled and mongodb.bundled.enabled are both true: enable exactly one MongoDB" }}
{{- end }}
{{- if and (not $mongodb.external.enabled) (not $mongodb.bundled.enabled) }}
{{- fail "neither mongodb.external.enabled nor mongodb.bundled.enabled is true: enable exactly one MongoDB" }}
{{- end }}
{{- if $mongodb.external.enabled }}
{{- if and $mongodb.external.uri $mongodb.external.existingSecret }}
{{- fail "mongodb.external.uri and mongodb.external.existingSecret are both set: set only one" }}
{{- end }}
{{- if not (or $mongodb.external.uri $mongodb.external.existingSecret) }}
{{- $uncovered := list }}
{{- range $name, $c := .Values.components }}
{{- if and $c.enabled (ne $name "gateway") (not ($c.mongodb | default dict).existingSecret) }}
{{- $uncovered = append $uncovered $name }}
{{- end }}
{{- end }}
{{- if $uncovered }}
{{- required (printf "mongodb.external.uri or mongodb.external.existingSecret is required (no MongoDB for %s)" (join ", " $uncovered)) "" }}
{{- end }}
{{- end }}
{{- end }}
{{- if $mongodb.bundled.enabled }}
{{- $_ := required "mongodb.bundled.auth.rootPassword is required when mongodb.bundled.enabled is true" $mongodb.bundled.auth.rootPassword }}
{{- end }}
{{- $_ := required "auth.issuerUri is required: the OIDC issuer of the tokens (with auth.localIssuer.enabled, the gateway's public URL)" .Values.auth.issuerUri }}
{{- if and .Values.auth.localIssuer.enabled (not .Values.secrets.existingSecret) }}
{{- $_ := required "auth.localIssuer.demoPassword is required when auth.localIssuer.enabled is true (or secrets.existingSecret with key demo-password)" .Values.auth.localIssuer.demoPassword }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.components.gateway.enabled) }}
{{- fail "ingress.enabled needs components.gateway.enabled" }}
{{- end }}
{{- range $name, $c := .Values.components }}
{{- $eff := include "cairn.effective" (dict "root" $ "name" $name) | fromYaml }}
{{- if and $eff.autoscaling (gt (int $eff.minReplicas) (int $eff.maxReplicas)) }}
{{- fail (printf "autoscaling of %s: minReplicas %d is above maxReplicas %d" $name (int $eff.minReplicas) (int $eff.maxReplicas)) }}
{{- end }}
{{- range $callee := $c.calls }}
{{- if not (hasKey $.Values.components $callee) }}
{{- fail (printf "components.%s.calls names %s, which is not a part" $name $callee) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
