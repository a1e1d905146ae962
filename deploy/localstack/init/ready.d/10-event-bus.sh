#!/usr/bin/env bash
# LocalStack ready hook: the event bus of spec 00 §4.1 for env "local" — one SNS topic per domain
# (FIFO for order and appointment), a standard queue per consuming service (plus a FIFO queue for
# FIFO domains), each with its dead-letter queue, subscribed with raw delivery — and the S3 buckets.
# AWS adds per-topic filter policies (infra's EventCatalogue); locally a consumer receives its whole
# domains and its inbox ignores topics it has no handler for.
set -euo pipefail

env_name="${LOMASH_ENV:-local}"
region="${AWS_DEFAULT_REGION:-eu-west-2}"
account=000000000000

# consumer: the domains it reads (transcribed from spec 00 §4.7)
declare -A consumes=(
  [auth-service]="customer"
  [product-service]="order"
  [order-payment-service]="product order customer"
  [appointment-service]="auth customer notification"
  [content-service]="product appointment customer notification"
  [customer-service]="auth order appointment notification"
  [notification-service]="auth product order appointment content customer analytics"
  [analytics-service]="auth order appointment content customer analytics"
)
fifo_domains=" order appointment "

topic_name() {
  local name="lomash-${env_name}-$1-events"
  [[ "$fifo_domains" == *" $1 "* ]] && name="${name}.fifo"
  echo "$name"
}

queue() { # name fifo(true|false) [dlq-arn]
  local attributes=()
  [[ "$2" == true ]] && attributes+=('"FifoQueue":"true"' '"ContentBasedDeduplication":"false"')
  [[ $# -ge 3 ]] && attributes+=("\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$3\\\",\\\"maxReceiveCount\\\":\\\"5\\\"}\"")
  awslocal sqs create-queue --queue-name "$1" --attributes "{$(IFS=,; echo "${attributes[*]}")}" > /dev/null
}

queue_arn() { echo "arn:aws:sqs:${region}:${account}:$1"; }

for domain in auth product order appointment content customer notification analytics; do
  if [[ "$fifo_domains" == *" $domain "* ]]; then
    awslocal sns create-topic --name "$(topic_name "$domain")" \
      --attributes FifoTopic=true,ContentBasedDeduplication=false > /dev/null
  else
    awslocal sns create-topic --name "$(topic_name "$domain")" > /dev/null
  fi
done

for service in "${!consumes[@]}"; do
  base="lomash-${env_name}-${service}"
  queue "${base}-dlq" false
  queue "$base" false "$(queue_arn "${base}-dlq")"
  needs_fifo=false
  for domain in ${consumes[$service]}; do
    [[ "$fifo_domains" == *" $domain "* ]] && needs_fifo=true
  done
  if [[ "$needs_fifo" == true ]]; then
    queue "${base}-dlq.fifo" true
    queue "${base}.fifo" true "$(queue_arn "${base}-dlq.fifo")"
  fi
  for domain in ${consumes[$service]}; do
    target="$base"
    [[ "$fifo_domains" == *" $domain "* ]] && target="${base}.fifo"
    awslocal sns subscribe --protocol sqs \
      --topic-arn "arn:aws:sns:${region}:${account}:$(topic_name "$domain")" \
      --notification-endpoint "$(queue_arn "$target")" \
      --attributes RawMessageDelivery=true > /dev/null
  done
done

for bucket in media assets logs; do
  awslocal s3 mb "s3://lomash-${env_name}-${bucket}" > /dev/null
done
awslocal ses verify-email-identity --email-address no-reply@lomashwood.local > /dev/null

touch /tmp/lomash-event-bus-ready
echo "lomash event bus ready: 8 topics, queues for ${#consumes[@]} consumers, 3 buckets"
