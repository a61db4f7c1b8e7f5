//! 效果反馈 (pure): the rating request once a requirement is live, and what it turns into.

use jiff::Timestamp;
use serde_json::Value;

use crate::card::callback::requirement::requirement_value;
use crate::card::fmt::{at, card, format_datetime, header, markdown, md_text, truncate};
use crate::card::widgets::{form, select, submit_button, text_input};
use crate::domain::requirement::{Requirement, stars};

const COMMENT_MAX: usize = 500;

/// The 效果反馈 request: a 1–5 ★ rating and a comment.
pub fn feedback_card(r: &Requirement) -> Value {
    let title = format!("效果反馈：{} {}", r.id, truncate(&r.title, 40));
    let hdr = header(&title, "green", Some("需求已上线，请评价使用效果"), &[]);
    let options: Vec<(String, String)> = (1..=5u8).rev().map(|n| (n.to_string(), stars(n))).collect();
    let elements = vec![
        markdown(&format!(
            "{} 您提出的需求已上线，请花一分钟评价使用效果，帮助我们改进。",
            at(&r.submitter)
        )),
        form(
            "r_feedback_form",
            "效果评价",
            vec![
                select("rating", "评分（必选）", &options, None),
                text_input("comment", "意见和建议", true, false),
                submit_button(
                    "r_feedback_submit",
                    "提交评价",
                    requirement_value("r_feedback", r),
                ),
            ],
        ),
    ];
    card(hdr, elements, &title)
}

/// What the 效果反馈 card turns into once rated: the stars and the comment, who rated and when.
pub fn feedback_done_card(r: &Requirement, now: Timestamp) -> Value {
    let title = format!("效果反馈：{} {}", r.id, truncate(&r.title, 40));
    let hdr = header(
        &title,
        "green",
        Some("已收到评价，感谢反馈"),
        &[("已评价", "green")],
    );
    let mut lines = Vec::new();
    if let Some(f) = &r.feedback {
        lines.push(format!("**评分**：{}（{}星）", stars(f.rating), f.rating));
        if let Some(c) = &f.comment {
            lines.push(format!("**意见和建议**：{}", md_text(c, COMMENT_MAX)));
        }
        lines.push(format!("**评价时间**：{}", format_datetime(f.at, now)));
    }
    lines.push(format!("**提出人**：{}", at(&r.submitter)));
    card(hdr, vec![markdown(&lines.join("\n"))], &title)
}
